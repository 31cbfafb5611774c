import type { CorpusIssue } from '../errors.js'
import { type LocatedYaml, parseYamlLocated } from './yaml-locate.js'

/** A Markdown document split into its front matter (still unvalidated) and body. */
export interface SplitDocument {
  /** Located front matter; undefined when the file has none (then `issues` says so). */
  frontMatter: LocatedYaml | undefined
  body: string
  /** 1-based line of the body's first line in the file. */
  bodyLine: number
  issues: CorpusIssue[]
}

const FENCE = /^---\s*$/

/**
 * Splits `---\nyaml\n---\nmarkdown` into located front matter and body.
 * Line numbers of front-matter errors are lines of the .md file.
 */
export function splitDocument(file: string, text: string): SplitDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      frontMatter: undefined,
      body: text,
      bodyLine: 1,
      issues: [
        {
          file,
          line: 1,
          path: '',
          message:
            "no front matter — start the file with a '---' line, the fields (id, title, date, language, sources, summary_en), and another '---' line",
        },
      ],
    }
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line))
  if (close < 0) {
    return {
      frontMatter: undefined,
      body: '',
      bodyLine: lines.length + 1,
      issues: [
        {
          file,
          line: 1,
          path: '',
          message: "front matter is not closed — add a '---' line after its last field",
        },
      ],
    }
  }
  const yamlText = lines.slice(1, close).join('\n')
  return {
    frontMatter: parseYamlLocated(file, yamlText, 1),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    issues: [],
  }
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/
const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/

/**
 * Splits a Markdown body into paragraphs on blank lines. A heading is merged into the paragraph that
 * follows it (as its first line, without the #s) because a heading alone is too short to be a useful
 * search hit, while heading + text keeps the context. Soft-wrapped lines are joined with a space;
 * list items keep their own lines.
 */
export function splitParagraphs(body: string): string[] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd()
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
      continue
    }
    // A heading always starts a new block, even without a blank line before it.
    if (HEADING.test(line) && current.length > 0) {
      blocks.push(current)
      current = []
    }
    current.push(line)
  }
  if (current.length > 0) blocks.push(current)

  const paragraphs: string[] = []
  let pendingHeadings: string[] = []
  for (const block of blocks) {
    const heading = HEADING.exec(block[0]!)
    if (heading && block.length === 1) {
      pendingHeadings.push(heading[1]!)
      continue
    }
    const lines = heading ? [heading[1]!, ...joinSoftWraps(block.slice(1))] : joinSoftWraps(block)
    paragraphs.push([...pendingHeadings, ...lines].join('\n'))
    pendingHeadings = []
  }
  // A trailing heading with nothing under it still carries words worth finding.
  if (pendingHeadings.length > 0) paragraphs.push(pendingHeadings.join('\n'))
  return paragraphs
}

function joinSoftWraps(lines: string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    const trimmed = line.trim()
    if (out.length === 0 || LIST_ITEM.test(line) || HEADING.test(line)) out.push(trimmed)
    else out[out.length - 1] = `${out[out.length - 1]} ${trimmed}`
  }
  return out
}
