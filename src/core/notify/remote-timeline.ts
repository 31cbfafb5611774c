import { type TimelineEvent, TimelineFile } from '../corpus/schema.js'
import { parseYamlLocated } from '../corpus/yaml-locate.js'
import { zodToCorpusIssues } from '../corpus/zod-issues.js'
import type { CorpusIssue } from '../errors.js'

/** A remote results document checked against the corpus's timeline schema. */
export type RemoteTimelineResult =
  | { ok: true; events: TimelineEvent[] }
  | { ok: false; issues: CorpusIssue[] }

/**
 * Parses a RESULTS_URL document (YAML or JSON, shaped like corpus/timeline.yaml) and validates it,
 * reporting every problem as `file:line path: message` like the corpus loader does.
 */
export function parseRemoteTimeline(name: string, text: string): RemoteTimelineResult {
  const located = parseYamlLocated(name, text)
  if (located.syntaxIssues.length > 0) return { ok: false, issues: located.syntaxIssues }
  const parsed = TimelineFile.safeParse(located.data)
  if (parsed.success) return { ok: true, events: parsed.data.events }
  return {
    ok: false,
    issues: zodToCorpusIssues(parsed.error.issues, {
      file: name,
      raw: located.data,
      locate: located.locate,
      schema: TimelineFile,
    }),
  }
}
