/**
 * CPU profile of one phase of our engine, for finding out why a target is missed:
 *
 *   npx tsx bench/profile.ts --size 10k --phase ask      (or build | change | cold-load)
 *
 * Profiles only that phase (node:inspector, the same profiler as `node --cpu-prof`), writes the
 * .cpuprofile under bench/.cache/ (open it in Chrome DevTools) and prints the functions with the most
 * self time and the most inclusive time, as shares of the phase.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildPassages } from '../src/core/search/passages.js'
import { createOursEngine } from './engines.js'
import { makeQuestions } from './questions.js'
import { progress } from './stats.js'
import { makeCorpus, withChangedDocument } from './synth.js'
import { parseSize } from './table.js'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** Self and inclusive sample counts per function (recursion counted once per stack). */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '')
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  for (const id of profile.samples) {
    const node = byId.get(id)!
    self.set(key(node), (self.get(key(node)) ?? 0) + 1)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + 1)
    }
  }
  const n = profile.samples.length
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / n).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
  const ms = (profile.endTime - profile.startTime) / 1000
  return `${n} samples over ${Math.round(ms)} ms\n\nself time:\n${fmt(self)}\n\ninclusive time:\n${fmt(total)}\n`
}

async function main() {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '10k' }, phase: { type: 'string', default: 'ask' } },
  })
  const size = parseSize(values.size!)
  const phase = values.phase!
  const engine = createOursEngine()
  const { corpus } = makeCorpus(size, { countPassages: (c) => buildPassages(c).length })
  const passages = buildPassages(corpus)
  const questions = makeQuestions(corpus)
  const dir = mkdtempSync(join(tmpdir(), 'kai-profile-'))

  let built = phase === 'build' ? undefined : engine.build(corpus, passages)
  if (phase === 'cold-load') built?.save(dir)
  if (built) for (const q of questions.slice(0, 200)) built.ask(q.text)
  const changed = withChangedDocument(corpus)

  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const start = performance.now()
  if (phase === 'build') built = engine.build(corpus, passages)
  else if (phase === 'ask') for (let pass = 0; pass < 3; pass++) for (const q of questions) built!.ask(q.text)
  else if (phase === 'change') built!.applyChange(changed)
  else if (phase === 'cold-load') engine.restore!(corpus, dir)
  else throw new Error(`unknown phase ${phase}: use build, ask, change or cold-load`)
  const elapsed = performance.now() - start
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile }
  session.disconnect()
  rmSync(dir, { recursive: true, force: true })

  const out = new URL('.cache/', import.meta.url).pathname
  mkdirSync(out, { recursive: true })
  const file = join(out, `ours-${values.size}-${phase}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  progress(`${phase} at ${values.size}: ${Math.round(elapsed)} ms; profile in ${file}`)
  process.stdout.write(summarizeProfile(profile))
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
