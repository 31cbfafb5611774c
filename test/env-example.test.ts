import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('.env.example', () => {
  it('documents every variable that src/config.ts reads', () => {
    const source = readFileSync('src/config.ts', 'utf8')
    const schema = source.slice(source.indexOf('const EnvSchema'), source.indexOf('type Env ='))
    const read = [...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1])
    const example = readFileSync('.env.example', 'utf8')
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]))
    expect(read.length).toBeGreaterThan(15)
    expect(read.filter((name) => !documented.has(name))).toEqual([])
  })
})
