import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { Corpus } from '../src/core/corpus/types.js'

/**
 * Writes an in-memory corpus as a corpus directory (YAML files + Markdown documents), so the real loader
 * can validate a synthetic corpus and the bot can be started on it (`CORPUS_DIR`).
 */
export function writeCorpusDir(corpus: Corpus, dir: string): void {
  mkdirSync(join(dir, 'documents'), { recursive: true })
  const yaml = (name: string, data: unknown) =>
    writeFileSync(join(dir, name), stringify(data, { lineWidth: 0 }))
  yaml('sources.yaml', { sources: corpus.sources })
  yaml('program.yaml', {
    program: corpus.program,
    organizations: corpus.organizations,
    facts: corpus.facts,
    conflicts: corpus.conflicts,
  })
  yaml('teams.yaml', { teams: corpus.teams })
  yaml('timeline.yaml', { events: corpus.events })
  yaml('people.yaml', { people: corpus.people })
  yaml('glossary.yaml', { terms: corpus.terms })
  for (const doc of corpus.documents) {
    const { file, body: _body, paragraphs, ...frontMatter } = doc
    const text = `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${paragraphs.join('\n\n')}\n`
    writeFileSync(join(dir, file), text)
  }
}
