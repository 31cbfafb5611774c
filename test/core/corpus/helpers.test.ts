import { describe, expect, it } from 'vitest'
import { normalizeAlias } from '../../../src/core/corpus/cross-check.js'
import { comparePartialDates, isBefore, isRealDate } from '../../../src/core/corpus/dates.js'
import { splitDocument, splitParagraphs } from '../../../src/core/corpus/documents.js'
import { closestMatch } from '../../../src/core/corpus/suggest.js'
import { formatPath, parseYamlLocated } from '../../../src/core/corpus/yaml-locate.js'

describe('splitParagraphs', () => {
  it('joins soft-wrapped lines and keeps list items on their own lines', () => {
    expect(splitParagraphs('first line\nsecond line\n\n- one\n- two\n')).toEqual([
      'first line second line',
      '- one\n- two',
    ])
  })

  it('merges a heading, even several in a row, into the paragraph that follows', () => {
    expect(splitParagraphs('# Title\n\n## Part\n\nText.\n## Next ##\nMore.')).toEqual([
      'Title\nPart\nText.',
      'Next\nMore.',
    ])
  })

  it('keeps a heading with nothing under it as its own paragraph', () => {
    expect(splitParagraphs('Text.\n\n## Last')).toEqual(['Text.', 'Last'])
  })
})

describe('splitDocument', () => {
  it('reports front matter lines as lines of the Markdown file', () => {
    const split = splitDocument('doc.md', '---\nid: x\ntitle: T\n---\nBody\n')
    expect(split.body).toBe('Body\n')
    expect(split.bodyLine).toBe(5)
    expect(split.frontMatter?.locate(['title'])).toBe(3)
  })

  it('says how to close front matter when the second --- is missing', () => {
    expect(splitDocument('doc.md', '---\nid: x\n').issues.map((i) => i.message)).toEqual([
      "front matter is not closed — add a '---' line after its last field",
    ])
  })
})

describe('parseYamlLocated', () => {
  it('locates keys, list items and, for a missing key, its parent', () => {
    const y = parseYamlLocated('f.yaml', 'teams:\n  - id: a\n    name: x\n  - id: b\n')
    expect(y.locate(['teams', 1, 'id'])).toBe(4)
    expect(y.locate(['teams', 0, 'name'])).toBe(3)
    expect(y.locate(['teams', 1, 'lead'])).toBe(4)
  })

  it('reports only the first syntax error with its line', () => {
    const y = parseYamlLocated('f.yaml', 'a: 1\nb: "open\nc: 2\n')
    expect(y.data).toBeUndefined()
    expect(y.syntaxIssues).toHaveLength(1)
    expect(y.syntaxIssues[0]!.message).toContain('add the closing quote')
  })
})

describe('small helpers', () => {
  it('formats paths the way JavaScript would write them', () => {
    expect(formatPath(['teams', 3, 'models', 0, 'sources', 1])).toBe('teams[3].models[0].sources[1]')
    expect(formatPath([0, 'id'])).toBe('[0].id')
  })

  it('suggests a close id and nothing for a far one', () => {
    expect(closestMatch('naver-clould', ['naver-cloud', 'nc-ai'])).toBe('naver-cloud')
    expect(closestMatch('naver', ['naver-cloud', 'nc-ai'])).toBe('naver-cloud')
    expect(closestMatch('kakao', ['naver-cloud', 'nc-ai'])).toBeUndefined()
  })

  it('normalizes aliases by width, case and spaces', () => {
    expect(normalizeAlias('ＬＧ AI 연구원')).toBe(normalizeAlias('lg ai연구원'))
  })

  it('orders and compares partial dates by the first day they can mean', () => {
    expect(['2026-08-05', '2026', '2026-08'].sort(comparePartialDates)).toEqual([
      '2026',
      '2026-08',
      '2026-08-05',
    ])
    expect(isBefore('2026-01', '2026-01-15')).toBe(false)
    expect(isBefore('2025-12-31', '2026-01')).toBe(true)
    expect(isRealDate('2024-02-29')).toBe(true)
    expect(isRealDate('2026-02-29')).toBe(false)
  })
})

describe('parseYamlLocated across loads', () => {
  // Reason: the parsed document is kept per file while its text is unchanged; every load must still get
  // its own data (nothing downstream may see another load's objects) and a changed text must be re-read.
  it('gives equal but separate data when the same text is parsed again, and new data when it changes', () => {
    const text = 'teams:\n  - id: skt\n    name: SK Telecom\n'
    const first = parseYamlLocated('t.yaml', text)
    const second = parseYamlLocated('t.yaml', text)
    expect(second.data).toEqual({ teams: [{ id: 'skt', name: 'SK Telecom' }] })
    expect(second.data).toEqual(first.data)
    expect(second.data).not.toBe(first.data)
    const changed = parseYamlLocated('t.yaml', `${text}  - id: lg\n`)
    expect(changed.data).toEqual({ teams: [{ id: 'skt', name: 'SK Telecom' }, { id: 'lg' }] })
    expect(changed.locate(['teams', 1, 'id'])).toBe(4)
  })

  it('reads the core schema when values look like dates, numbers or booleans', () => {
    const { data } = parseYamlLocated('x.yaml', "a: 2026-01-15\nb: '2026'\nc: 2026\nd: true\ne: ~\n")
    // Reason: YAML 1.2 core schema — an unquoted date stays text, so the schema can check its format.
    expect(data).toEqual({ a: '2026-01-15', b: '2026', c: 2026, d: true, e: null })
  })

  it('reports the syntax error with its line when the text is half-written', () => {
    const located = parseYamlLocated('x.yaml', "teams:\n  - id: skt\n    name: 'SK Tel", 0)
    expect(located.data).toBeUndefined()
    expect(located.syntaxIssues.map((i) => i.line)).toEqual([3])
  })
})
