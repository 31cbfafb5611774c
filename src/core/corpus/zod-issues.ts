import type { z } from 'zod'
import type { CorpusIssue } from '../errors.js'
import { closestMatch } from './suggest.js'
import { type DataPath, formatPath } from './yaml-locate.js'

/** Where a zod issue's path points, and the data zod saw. */
export interface IssueContext {
  file: string
  raw: unknown
  locate(path: DataPath): number
  /** The schema that was parsed, to list the allowed fields when a field is unknown. */
  schema: z.ZodType
}

/**
 * Turns zod's issues into corpus issues that say where and how to fix: one per problem, each at the
 * line of the offending node, in words for the people who edit YAML rather than for programmers.
 */
export function zodToCorpusIssues(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): CorpusIssue[] {
  const out: CorpusIssue[] = []
  for (const issue of issues) {
    const path = issue.path as PropertyKey[]
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(ctx.schema, path)
      for (const key of issue.keys) {
        const keyPath = [...path, key]
        const match = closestMatch(key, allowed)
        const hint = match ? ` — did you mean '${match}'?` : ''
        out.push({
          file: ctx.file,
          line: ctx.locate(keyPath),
          path: formatPath(keyPath),
          message: `unknown field '${key}'${hint} (allowed: ${allowed.join(', ')})`,
        })
      }
      continue
    }
    out.push({
      file: ctx.file,
      line: ctx.locate(path),
      path: formatPath(path),
      message: describeIssue(issue, valueAt(ctx.raw, path), ctx),
    })
  }
  return out
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown, ctx: IssueContext): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        const fields = issue.expected === 'object' ? allowedKeys(ctx.schema, issue.path) : []
        const what = fields.length > 0 ? `a mapping with ${fields.join(', ')}` : expectedWords(issue.expected)
        return `required field is missing — add it as ${what}`
      }
      if (value === null) return `is empty — give ${expectedWords(issue.expected)}`
      if (issue.expected === 'string' && typeof value === 'number') {
        return `expected text, got ${describeValue(value)} — put it in quotes: '${String(value)}'`
      }
      return `expected ${expectedWords(issue.expected)}, got ${describeValue(value)}`
    case 'invalid_value': {
      const options = issue.values.map(String)
      const match = typeof value === 'string' ? closestMatch(value, options) : undefined
      const hint = match ? ` — did you mean '${match}'?` : ''
      return `${describeValue(value)} is not one of ${options.join(', ')}${hint}`
    }
    case 'invalid_format':
      if (issue.format === 'url')
        return `${describeValue(value)} is not a URL — write the full address, https://…`
      return `${issue.message} (got ${describeValue(value)})`
    case 'too_small':
      if (!isDefaultMessage(issue.message)) return issue.message
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)} item(s)`
      if (issue.origin === 'number') {
        return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}, got ${describeValue(value)}`
      }
      return `is too short (minimum ${String(issue.minimum)})`
    case 'too_big':
      if (!isDefaultMessage(issue.message)) return issue.message
      if (issue.origin === 'number') {
        return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${describeValue(value)}`
      }
      return `is too long (maximum ${String(issue.maximum)})`
    default:
      return issue.message
  }
}

/** zod's built-in messages start like this; the schema's own messages already say how to fix. */
function isDefaultMessage(message: string): boolean {
  return /^(Too small|Too big|Invalid)/.test(message)
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text'
    case 'number':
      return 'a number'
    case 'int':
      return 'a whole number'
    case 'boolean':
      return 'true or false'
    case 'array':
      return 'a list (lines starting with "- ")'
    case 'object':
      return 'a mapping (key: value lines)'
    default:
      return expected
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)} (quote dates: '2026-01-15')`
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

function valueAt(data: unknown, path: DataPath): unknown {
  let cur = data
  for (const segment of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[segment]
  }
  return cur
}

interface SchemaDef {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  entries?: Record<string, unknown>
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def
}

/** Peels optional/default/nullable/pipe wrappers off a schema. */
function unwrap(schema: z.ZodType): z.ZodType {
  let cur = schema
  for (let i = 0; i < 10; i++) {
    const def = defOf(cur)
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined)
    if (!inner) return cur
    cur = inner
  }
  return cur
}

/** The field names allowed at `path`: an object's shape or a record's enum of keys. */
function allowedKeys(schema: z.ZodType, path: DataPath): string[] {
  let cur: z.ZodType | undefined = unwrap(schema)
  for (const segment of path) {
    if (!cur) return []
    const def = defOf(cur)
    if (def.type === 'object') cur = def.shape?.[String(segment)]
    else if (def.type === 'array') cur = def.element
    else if (def.type === 'record') cur = def.valueType
    else return []
    cur = cur ? unwrap(cur) : undefined
  }
  if (!cur) return []
  const def = defOf(cur)
  if (def.type === 'object') return Object.keys(def.shape ?? {})
  if (def.type === 'record' && def.keyType) {
    const keyDef = defOf(unwrap(def.keyType))
    if (keyDef.type === 'enum') return Object.keys(keyDef.entries ?? {})
  }
  return []
}
