import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { CorpusIssue } from '../errors.js'

/** A path into parsed data, as zod reports it: object keys and array indexes. */
export type DataPath = readonly PropertyKey[]

/** Parsed YAML plus a way to find the line of any node, so every error can point at a line. */
export interface LocatedYaml {
  /** The file as shown in messages, e.g. `corpus/teams.yaml`. */
  file: string
  /** Plain data (undefined for an empty file or one with syntax errors). */
  data: unknown
  /** The 1-based line of the node at `path`, or of its deepest existing ancestor. */
  locate(path: DataPath): number
  /** Syntax errors; when there are any, `data` is undefined. */
  syntaxIssues: CorpusIssue[]
}

/** `teams[3].models[0].sources[1]`: the JS-like form every corpus message uses. */
export function formatPath(path: DataPath): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? String(segment) : `.${String(segment)}`
  }
  return out
}

/**
 * Parses YAML and offers the line of any node. `lineOffset` is added to every line, for YAML embedded
 * in another file (the front matter of a Markdown document starts on line 2).
 *
 * One parser (`yaml`, YAML 1.2 core schema) gives both the data and every node's position. It is slower
 * than js-yaml, so the parsed document of each file is kept while its text stays the same: a hot reload
 * re-parses only the files that changed, and the data is built afresh from it (about 1 ms for the corpus)
 * so no two loads share objects.
 */
export function parseYamlLocated(file: string, text: string, lineOffset = 0): LocatedYaml {
  const key = `${lineOffset}:${file}`
  let parsed = parsedDocuments.get(key)
  if (parsed?.text !== text) {
    parsed = parseWithPositions(file, text, lineOffset)
    parsedDocuments.delete(key)
    parsedDocuments.set(key, parsed)
    if (parsedDocuments.size > MAX_PARSED_DOCUMENTS) {
      parsedDocuments.delete(parsedDocuments.keys().next().value!)
    }
  } else {
    // Most recently used last, so the oldest entry is the one evicted.
    parsedDocuments.delete(key)
    parsedDocuments.set(key, parsed)
  }
  const { syntaxIssues, locate, doc } = parsed
  const data = syntaxIssues.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 })
  return { file, data, locate, syntaxIssues }
}

interface ParsedDocument {
  text: string
  doc: Document.Parsed
  locate: (path: DataPath) => number
  syntaxIssues: CorpusIssue[]
}

/** Parsed documents by file (and line offset), least recently used first; a corpus has a few dozen files. */
const parsedDocuments = new Map<string, ParsedDocument>()
const MAX_PARSED_DOCUMENTS = 256

/** Parses with `yaml`, keeping node ranges. */
function parseWithPositions(file: string, text: string, lineOffset: number): ParsedDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true })
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset

  // Only the first syntax error: the parser's later errors are mostly echoes of the first one.
  const syntaxIssues: CorpusIssue[] = doc.errors.slice(0, 1).map((error) => ({
    file,
    line: (error.linePos?.[0].line ?? 1) + lineOffset,
    path: '',
    message: `YAML syntax error: ${describeYamlError(error.message)}`,
  }))

  const locate = (path: DataPath): number => {
    let node: unknown = doc.contents
    let line = isNodeWithRange(node) ? lineAt(node.range[0]) : 1 + lineOffset
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment))
        if (!pair) break
        const keyNode = pair.key as unknown
        const at = isNodeWithRange(keyNode) ? keyNode : (pair.value as unknown)
        if (isNodeWithRange(at)) line = lineAt(at.range[0])
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment]
        if (item === undefined) break
        if (isNodeWithRange(item)) line = lineAt(item.range[0])
        node = item
      } else {
        break
      }
    }
    return line
  }

  return { text, doc, locate, syntaxIssues }
}

function keyOf(key: unknown): string {
  if (isScalar(key)) return String(key.value)
  return String(key)
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as Node).range)
}

const YAML_HINTS: [RegExp, string][] = [
  [/end with a \]/, "a '[' list is not closed — add the ']' (here or on the line above)"],
  [/end with a \}/, "a '{' mapping is not closed — add the '}' (here or on the line above)"],
  [
    /Missing closing "?quote/,
    'a quoted text is not closed — add the closing quote (it may start on an earlier line)',
  ],
  [
    /Nested mappings are not allowed in compact mappings/,
    "text containing ': ' must be quoted — put the value in quotes",
  ],
  [/Map keys must be unique/, 'this key appears twice in the same mapping — remove or rename one'],
  [/Tabs are not allowed/, 'indent with spaces, not tabs'],
  [
    /must start at the same column|sufficiently indented|Bad indentation/,
    'align this line with the lines it belongs with',
  ],
]

/** yaml's messages end with " at line N, column M:" and a code excerpt; the line is reported separately. */
function describeYamlError(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '')
  const hint =
    YAML_HINTS.find(([re]) => re.test(first))?.[1] ??
    'check indentation and quoting here and on the line above'
  return `${first} — ${hint}`
}
