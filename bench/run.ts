/**
 * `npm run bench`: index build, answer latency, memory, cold start and incremental updates from 1k to
 * 100k synthetic passages, against plain MiniSearch, plus loopback end to end through the fake Slack and
 * Discord (issue 7). Each measurement runs in its own node process with --expose-gc; this file only
 * orchestrates, prints the Markdown table on stdout and writes bench/results.json.
 *
 *   npm run bench                        1k and 10k (a few minutes on 2 cores)
 *   npm run bench -- --full              also 100k
 *   npm run bench -- --sizes 1k,10k,100k --passes 2 --no-e2e --no-flex
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { EngineName } from './engines.js'
import type { MeasureArgs, MeasureMode } from './measure.js'
import type { BenchResults, E2eResult, Machine, SizeResult } from './results.js'
import { progress } from './stats.js'
import { checkTargets, parseSize, renderTable, sizeLabel } from './table.js'

const HERE = new URL('.', import.meta.url)

function machine(loadStart: number): Machine {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadStart,
    loadEnd: loadavg()[0]!,
  }
}

/** Runs one bench script in a fresh node with --expose-gc and returns its last stdout line as JSON. */
export function runChild<T>(script: string, args: unknown, maxOldSpaceMB = 4096): Promise<T> {
  const argv = [
    '--expose-gc',
    `--max-old-space-size=${maxOldSpaceMB}`,
    '--import',
    'tsx',
    new URL(script, HERE).pathname,
    JSON.stringify(args),
  ]
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, argv, { maxBuffer: 64 * 2 ** 20 }, (err, stdout) => {
      if (err) return reject(err)
      const last = stdout.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(last) as T)
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last.slice(0, 200)}`))
      }
    })
    child.stderr?.pipe(process.stderr)
  })
}

/** The child's own error line ("Error: …" from its stderr) rather than execFile's "Command failed: <argv>". */
export function errorLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  const lines = text.split('\n')
  return (lines.find((l) => /^\w*Error\b/.test(l.trim())) ?? lines[0] ?? '').trim()
}

function gitDescribe(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'unknown'
  }
}

async function measureSize(
  size: number,
  engines: EngineName[],
  passes: number,
  dir: string,
): Promise<SizeResult> {
  const result: SizeResult = { size, main: {}, coldLoad: {}, coldRebuild: {}, errors: [] }
  const heapLimit = size >= 50_000 ? 8192 : 4096
  const call = async (engine: EngineName, mode: MeasureMode) => {
    const args: MeasureArgs = { size, engine, mode, dir: join(dir, `${engine}-${size}`), passes }
    try {
      return await runChild<never>('measure.ts', args, heapLimit)
    } catch (err) {
      result.errors.push(`${engine} ${mode} at ${sizeLabel(size)}: ${errorLine(err)}`)
      progress(`${engine} ${mode} at ${sizeLabel(size)} failed: ${errorLine(err)}`)
      return undefined
    }
  }
  for (const engine of engines) {
    const main = await call(engine, 'main')
    if (!main) continue
    result.main[engine] = main
    if (engine === 'flex') continue
    progress(`${engine} @ ${size}: cold starts in fresh processes`)
    const load = await call(engine, 'cold-load')
    if (load) result.coldLoad[engine] = load
    const rebuild = await call(engine, 'cold-rebuild')
    if (rebuild) result.coldRebuild[engine] = rebuild
  }
  return result
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      full: { type: 'boolean', default: false },
      passes: { type: 'string', default: '2' },
      'e2e-requests': { type: 'string', default: '300' },
      'e2e-size': { type: 'string', default: '10k' },
      'no-e2e': { type: 'boolean', default: false },
      'no-flex': { type: 'boolean', default: false },
      out: { type: 'string', default: new URL('results.json', HERE).pathname },
    },
  })
  const sizes = (values.sizes ?? (values.full ? '1k,10k,100k' : '1k,10k')).split(',').map(parseSize)
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) {
    process.stderr.write(`bench: --sizes takes a list like 1k,10k,100k (got ${values.sizes})\n`)
    process.exit(2)
  }
  const passes = Math.max(1, Number(values.passes) || 1)
  const e2eRequests = Math.max(10, Number(values['e2e-requests']) || 300)
  const engines: EngineName[] = values['no-flex'] ? ['plain', 'ours'] : ['plain', 'ours', 'flex']

  const loadStart = loadavg()[0]!
  const startedAt = new Date()
  const dir = mkdtempSync(join(tmpdir(), 'kai-bench-'))
  progress(
    `sizes ${sizes.map(sizeLabel).join(', ')}; engines ${engines.join(', ')}; ${passes} timed passes; load ${loadStart.toFixed(1)} on ${cpus().length} cores; free memory ${Math.round(freemem() / 2 ** 30)} GB`,
  )
  try {
    const results: SizeResult[] = []
    for (const size of sizes) {
      results.push(await measureSize(size, engines, passes, dir))
    }
    let e2e: E2eResult[] = []
    if (!values['no-e2e']) {
      e2e = await runChild<E2eResult[]>('e2e.ts', {
        size: parseSize(values['e2e-size']!),
        requests: e2eRequests,
      }).catch((err: unknown): E2eResult[] => [
        { platform: 'slack', measured: false, reason: errorLine(err) },
        { platform: 'discord', measured: false, reason: errorLine(err) },
      ])
    }
    const report: BenchResults = {
      startedAt: startedAt.toISOString(),
      commit: gitDescribe(),
      durationS: (Date.now() - startedAt.getTime()) / 1000,
      machine: machine(loadStart),
      args: { sizes, passes, e2eRequests },
      sizes: results,
      e2e,
      targets: checkTargets(results, e2e),
    }
    writeFileSync(values.out!, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(`${renderTable(report)}\n`)
    progress(`wrote ${values.out}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
