import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const FIXTURE_CORPUS = resolve('test/fixtures/corpus')

/** A private copy of the fixture corpus that a test may edit. */
export function copyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kai-notify-corpus-'))
  cpSync(FIXTURE_CORPUS, dir, { recursive: true })
  return dir
}

/**
 * The phase-2 evaluation happens: three teams advance and Motif is eliminated. A made-up result,
 * only for tests: it turns the fixture's scheduled event into a published one.
 */
export function publishPhase2(timeline: string): string {
  const edited = timeline
    .replace(
      /(- id: phase2-evaluation\n\s+date: )2026-08(\n(?:.*\n)*?\s+)status: scheduled\n/,
      "$1'2026-08-07'$2status: happened\n",
    )
    .replace('{ team: lg-ai-research, result: pending }', '{ team: lg-ai-research, result: advanced }')
    .replace('{ team: skt, result: pending }', '{ team: skt, result: advanced }')
    .replace('{ team: upstage, result: pending }', '{ team: upstage, result: advanced }')
    .replace('{ team: motif, result: pending }', '{ team: motif, result: eliminated }')
  if (edited === timeline || edited.includes('result: pending')) {
    throw new Error('publishPhase2: the fixture timeline changed shape; update this edit')
  }
  return edited
}

/** Upstage's phase-2 result corrected from advanced to eliminated (after `publishPhase2`). */
export function correctUpstage(timeline: string): string {
  const edited = timeline.replace(
    '{ team: upstage, result: advanced }',
    '{ team: upstage, result: eliminated }',
  )
  if (edited === timeline) throw new Error('correctUpstage: apply publishPhase2 first')
  return edited
}

export function editTimeline(dir: string, edit: (text: string) => string): void {
  const file = join(dir, 'timeline.yaml')
  writeFileSync(file, edit(readFileSync(file, 'utf8')))
}

export function readTimeline(dir: string): string {
  return readFileSync(join(dir, 'timeline.yaml'), 'utf8')
}

export function writeTimeline(dir: string, text: string): void {
  writeFileSync(join(dir, 'timeline.yaml'), text)
}
