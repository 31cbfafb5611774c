import type { CorpusIssue } from '../errors.js'

/**
 * An absolute file path: `/a/b…` (two segments at least, so `/kai` or `1/2` never match) not inside a URL
 * or a relative path, `~/…`, `C:\…` or `file://`. Letters of any script count as word characters, so
 * `진출/탈락/보류` is not a path.
 */
const ABSOLUTE_PATH =
  /(?<![\p{L}\p{N}_.:/~\-\])>%])\/[\p{L}\p{N}_.-]+\/[^\s`'")\]]*|(?<![\p{L}\p{N}_])~\/[^\s`'")\]]*|(?<![\p{L}\p{N}_])[A-Za-z]:\\[^\s`'")\]]*|file:\/\/[^\s`'")\]]*/gu

/**
 * Finds absolute paths of a machine in corpus text (YAML, comments included, and Markdown): a path of one
 * developer's disk means nothing to anyone else. Files are named relative to the repository; the shared
 * folder is `../shared/`.
 */
export function findAbsolutePaths(file: string, text: string): CorpusIssue[] {
  const issues: CorpusIssue[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((line, i) => {
    for (const match of line.matchAll(ABSOLUTE_PATH)) {
      // The full stop or comma after a path in a sentence is not part of it.
      const path = match[0].replace(/[.,;:!?]+$/, '')
      issues.push({
        file,
        line: i + 1,
        path: '',
        message: `absolute path '${path}' — name files relative to the repository (the shared folder is ../shared/)`,
      })
    }
  })
  return issues
}
