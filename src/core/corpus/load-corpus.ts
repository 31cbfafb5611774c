import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { CorpusError, type CorpusIssue } from '../errors.js'
import { findAbsolutePaths } from './absolute-paths.js'
import { type CheckedFile, type CorpusFiles, crossCheck } from './cross-check.js'
import { splitDocument, splitParagraphs } from './documents.js'
import {
  DocumentFrontMatter,
  GlossaryFile,
  PeopleFile,
  ProgramFile,
  SourcesFile,
  TeamsFile,
  TimelineFile,
} from './schema.js'
import type { Corpus, CorpusDocument } from './types.js'
import { parseYamlLocated } from './yaml-locate.js'
import { zodToCorpusIssues } from './zod-issues.js'

/** What `loadCorpus` returns: the corpus, or every problem found (sorted by file and line). */
export type LoadResult = { ok: true; corpus: Corpus } | { ok: false; issues: CorpusIssue[] }

/** The YAML files of a corpus, each with the schema it must match. */
const YAML_FILES = {
  sources: { name: 'sources.yaml', schema: SourcesFile },
  program: { name: 'program.yaml', schema: ProgramFile },
  teams: { name: 'teams.yaml', schema: TeamsFile },
  timeline: { name: 'timeline.yaml', schema: TimelineFile },
  people: { name: 'people.yaml', schema: PeopleFile },
  glossary: { name: 'glossary.yaml', schema: GlossaryFile },
} as const

type YamlKey = keyof typeof YAML_FILES

/** The bytes of a corpus directory: YAML files by name (missing ones absent) and documents by relative path. */
export interface CorpusFilesOnDisk {
  yaml: Partial<Record<YamlKey, Buffer>>
  /** `documents/x.md` → bytes, in sorted order. */
  documents: Map<string, Buffer>
}

/**
 * Loads and validates the corpus in `dir` (asynchronous: files are read in parallel).
 * Never throws for bad content: problems come back as `{ ok: false, issues }`.
 * Paths in messages are `${dir}/file`, so pass the directory as the person typed it.
 */
export async function loadCorpus(dir: string): Promise<LoadResult> {
  return validateCorpus(dir, await readCorpusFiles(dir))
}

/** Like `loadCorpus`, but synchronous (for tests and scripts that load once at start-up). */
export function loadCorpusSync(dir: string): LoadResult {
  return validateCorpus(dir, readCorpusFilesSync(dir))
}

/**
 * Loads the corpus or throws.
 * @throws CorpusError listing every issue, one formatted line each.
 */
export async function loadCorpusOrThrow(dir: string): Promise<Corpus> {
  const result = await loadCorpus(dir)
  if (!result.ok) throw new CorpusError(result.issues)
  return result.corpus
}

/** Reads the corpus files of `dir` (missing ones are left out; other read errors throw). */
export async function readCorpusFiles(dir: string): Promise<CorpusFilesOnDisk> {
  const yaml: CorpusFilesOnDisk['yaml'] = {}
  const keys = Object.keys(YAML_FILES) as YamlKey[]
  const [contents, docNames] = await Promise.all([
    Promise.all(keys.map((k) => readFile(join(dir, YAML_FILES[k].name)).catch(missingAsUndefined))),
    readdir(join(dir, 'documents')).catch((err: unknown) => (isMissing(err) ? [] : Promise.reject(err))),
  ])
  keys.forEach((k, i) => {
    if (contents[i] !== undefined) yaml[k] = contents[i]
  })
  const mdNames = docNames.filter((n) => n.endsWith('.md')).sort()
  const docs = await Promise.all(mdNames.map((n) => readFile(join(dir, 'documents', n))))
  return { yaml, documents: new Map(mdNames.map((n, i) => [`documents/${n}`, docs[i]!])) }
}

function readCorpusFilesSync(dir: string): CorpusFilesOnDisk {
  const yaml: CorpusFilesOnDisk['yaml'] = {}
  for (const k of Object.keys(YAML_FILES) as YamlKey[]) {
    try {
      yaml[k] = readFileSync(join(dir, YAML_FILES[k].name))
    } catch (err) {
      if (!isMissing(err)) throw err
    }
  }
  let names: string[] = []
  try {
    names = readdirSync(join(dir, 'documents'))
  } catch (err) {
    if (!isMissing(err)) throw err
  }
  const mdNames = names.filter((n) => n.endsWith('.md')).sort()
  return {
    yaml,
    documents: new Map(mdNames.map((n) => [`documents/${n}`, readFileSync(join(dir, 'documents', n))])),
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT'
}

function missingAsUndefined(err: unknown): undefined {
  if (isMissing(err)) return undefined
  throw err
}

/** sha256 over every loaded file's relative path and bytes, in sorted path order. */
export function hashCorpusFiles(files: CorpusFilesOnDisk): string {
  const entries: [string, Buffer][] = [
    ...(Object.keys(files.yaml) as YamlKey[]).map((k): [string, Buffer] => [
      YAML_FILES[k].name,
      files.yaml[k]!,
    ]),
    ...files.documents,
  ]
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const hash = createHash('sha256')
  for (const [path, bytes] of entries) {
    hash.update(path)
    hash.update('\0')
    hash.update(bytes)
    hash.update('\0')
  }
  return hash.digest('hex')
}

function display(dir: string, relative: string): string {
  return dir === '' || dir === '.' ? relative : `${dir.replace(/\/+$/, '')}/${relative}`
}

function compareIssues(a: CorpusIssue, b: CorpusIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  if (a.line !== b.line) return a.line - b.line
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/** Validates already-read corpus files: the pure core of `loadCorpus`. */
export function validateCorpus(dir: string, onDisk: CorpusFilesOnDisk): LoadResult {
  const issues: CorpusIssue[] = []
  const files: CorpusFiles = { documents: [], complete: true }

  for (const key of Object.keys(YAML_FILES) as YamlKey[]) {
    const { name, schema } = YAML_FILES[key]
    const file = display(dir, name)
    const bytes = onDisk.yaml[key]
    if (bytes === undefined) {
      issues.push({ file, line: 1, path: '', message: `file is missing — create it, see corpus/README.md` })
      files.complete = false
      continue
    }
    const text = bytes.toString('utf8')
    issues.push(...findAbsolutePaths(file, text))
    const checked = parseChecked(file, text, schema, issues)
    if (!checked) {
      files.complete = false
      continue
    }
    ;(files as unknown as Record<YamlKey, CheckedFile<unknown>>)[key] = checked
  }

  const documents: CorpusDocument[] = []
  for (const [relative, bytes] of onDisk.documents) {
    const file = display(dir, relative)
    const text = bytes.toString('utf8')
    issues.push(...findAbsolutePaths(file, text))
    const split = splitDocument(file, text)
    issues.push(...split.issues)
    if (!split.frontMatter) {
      files.complete = false
      continue
    }
    const checked = checkLocated(split.frontMatter, DocumentFrontMatter, issues)
    if (!checked) {
      files.complete = false
      continue
    }
    files.documents.push(checked)
    const paragraphs = splitParagraphs(split.body)
    if (paragraphs.length === 0) {
      issues.push({
        file,
        line: split.bodyLine,
        path: '',
        message: 'the document has no text — write at least one paragraph after the front matter',
      })
    }
    if (checked.data) documents.push({ ...checked.data, file: relative, body: split.body.trim(), paragraphs })
  }

  issues.push(...crossCheck(files))
  if (issues.length > 0) return { ok: false, issues: issues.sort(compareIssues) }

  const { sources, program, teams, timeline, people, glossary } = files
  const p = program!.data!
  const allFacts = [
    ...p.facts,
    ...teams!.data!.teams.flatMap((t) => [...t.facts, ...t.models.flatMap((m) => m.facts)]),
    ...timeline!.data!.events.flatMap((e) => e.facts),
  ]
  return {
    ok: true,
    corpus: {
      dir,
      hash: hashCorpusFiles(onDisk),
      program: p.program,
      organizations: p.organizations,
      facts: allFacts,
      conflicts: p.conflicts,
      sources: sources!.data!.sources,
      teams: teams!.data!.teams,
      events: timeline!.data!.events,
      people: people!.data!.people,
      terms: glossary!.data!.terms,
      documents,
    },
  }
}

/** Parses YAML text and validates it; undefined when the YAML itself is broken (issues say why). */
function parseChecked<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  issues: CorpusIssue[],
): CheckedFile<z.output<S>> | undefined {
  const located = parseYamlLocated(file, text)
  return checkLocated(located, schema, issues)
}

function checkLocated<S extends z.ZodType>(
  located: ReturnType<typeof parseYamlLocated>,
  schema: S,
  issues: CorpusIssue[],
): CheckedFile<z.output<S>> | undefined {
  if (located.syntaxIssues.length > 0) {
    issues.push(...located.syntaxIssues)
    return undefined
  }
  const { file, data: raw, locate } = located
  if (raw === undefined || raw === null) {
    issues.push({
      file,
      line: 1,
      path: '',
      message: 'the file is empty — see corpus/README.md for what it holds',
    })
    return undefined
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    issues.push(...zodToCorpusIssues(parsed.error.issues, { file, raw, locate, schema }))
    return { file, raw, data: undefined, locate }
  }
  return { file, raw, data: parsed.data as z.output<S>, locate }
}
