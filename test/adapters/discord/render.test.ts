import { describe, expect, it } from 'vitest'
import {
  clipLines,
  clipText,
  EMBED_LIMITS,
  embedLength,
  renderEmbed,
} from '../../../adapters/discord/render.js'
import type { Answer, AnswerSource } from '../../../src/core/index.js'

function source(i: number, overrides: Partial<AnswerSource> = {}): AnswerSource {
  return {
    id: `s${i}`,
    title: `Phase-1 results ${i}`,
    publisher: 'MSIT',
    url: `https://example.org/news/${i}`,
    date: '2026-01-15',
    ...overrides,
  }
}

function answer(overrides: Partial<Answer['blocks']> = {}, lang: Answer['lang'] = 'ko'): Answer {
  const blocks = {
    title: '1차 평가 결과',
    paragraphs: ['2026년 1월 15일 발표된 1차 평가 결과입니다.'],
    fields: [
      { label: '진출', items: ['LG AI연구원', 'SK텔레콤', '업스테이지'] },
      { label: '탈락', items: ['네이버클라우드', 'NC AI'] },
    ],
    sources: [source(1)],
    asOf: '2026-01-15',
    conflict: false,
    ...overrides,
  }
  return {
    lang,
    text: [blocks.title, ...blocks.paragraphs].join('\n'),
    blocks,
    question: '1차 결과는?',
    intent: 'results',
    answered: true,
    sources: blocks.sources,
    context: {},
    suggestions: [],
    confidence: 1,
    outcome: 'answer',
    didYouMean: [],
  }
}

function expectWithinLimits(embed: ReturnType<typeof renderEmbed>): void {
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total)
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title)
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description)
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields)
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName)
    expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue)
    expect(field.value.length).toBeGreaterThan(0)
  }
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer)
}

describe('renderEmbed', () => {
  it('shows title, paragraphs, one field per list, sources as dated links and an as-of footer when given an answer', () => {
    const embed = renderEmbed(answer())
    expect(embed.title).toBe('1차 평가 결과')
    expect(embed.description).toBe('2026년 1월 15일 발표된 1차 평가 결과입니다.')
    expect(embed.fields).toEqual([
      { name: '진출', value: 'LG AI연구원\nSK텔레콤\n업스테이지', inline: false },
      { name: '탈락', value: '네이버클라우드\nNC AI', inline: false },
      { name: '출처', value: '• [Phase-1 results 1 — MSIT](https://example.org/news/1) (2026-01-15)' },
    ])
    expect(embed.footer).toEqual({ text: '2026-01-15 기준' })
  })

  it('labels sources and footer in English when the answer is in English', () => {
    const embed = renderEmbed(answer({}, 'en'))
    expect(embed.fields?.at(-1)?.name).toBe('Sources')
    expect(embed.footer?.text).toBe('As of 2026-01-15')
  })

  it('names a source without a link when it has no URL, and says undated when it has no date', () => {
    const embed = renderEmbed(answer({ sources: [source(2, { url: null, date: null })] }))
    expect(embed.fields?.at(-1)?.value).toBe('• Phase-1 results 2 — MSIT (날짜 미상)')
  })

  it('keeps a source link intact when its title has brackets and its URL has parentheses', () => {
    const embed = renderEmbed(
      answer({ sources: [source(3, { title: '[단독] K-AI', url: 'https://example.org/a_(b)' })] }),
    )
    expect(embed.fields?.at(-1)?.value).toBe(
      '• [\\[단독\\] K-AI — MSIT](https://example.org/a_%28b%29) (2026-01-15)',
    )
  })

  it('marks a conflict in the footer and colour when sources disagree', () => {
    const plain = renderEmbed(answer())
    const conflict = renderEmbed(answer({ conflict: true }))
    expect(conflict.footer?.text).toBe('2026-01-15 기준 · ⚠ 출처마다 내용이 다릅니다')
    expect(conflict.color).not.toBe(plain.color)
  })

  it('omits empty lists and the footer when there is nothing dated', () => {
    const embed = renderEmbed(answer({ fields: [{ label: '탈락', items: [] }], sources: [], asOf: null }))
    expect(embed.fields).toBeUndefined()
    expect(embed.footer).toBeUndefined()
  })

  it('shortens every part to its own limit when each one is too long', () => {
    const long = '가'.repeat(5000)
    const embed = renderEmbed(
      answer({
        title: long,
        paragraphs: [long],
        fields: [{ label: long, items: Array.from({ length: 300 }, (_, i) => `팀 ${i} ${'나'.repeat(20)}`) }],
        sources: Array.from({ length: 80 }, (_, i) => source(i)),
      }),
    )
    expectWithinLimits(embed)
    expect(embed.title?.endsWith('…')).toBe(true)
    // Lists lose whole lines and say how many are missing rather than cutting a line in half.
    expect(embed.fields?.[0]?.value).toMatch(/\n… \(\+\d+ 외\)$/)
    expect(
      embed.fields?.[0]?.value
        .split('\n')
        .slice(0, -1)
        .every((l) => l.startsWith('팀 ')),
    ).toBe(true)
  })

  it('keeps the sources field when there are more than 25 lists', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `목록 ${i}`, items: [`항목 ${i}`] }))
    const embed = renderEmbed(answer({ fields }))
    expectWithinLimits(embed)
    expect(embed.fields).toHaveLength(25)
    expect(embed.fields?.at(-1)?.name).toBe('출처')
  })

  it('fits the 6000-character total by shortening the longest parts first', () => {
    const fields = Array.from({ length: 10 }, (_, i) => ({
      label: `목록 ${i}`,
      items: Array.from({ length: 30 }, (_, j) => `항목 ${i}-${j} ${'다'.repeat(30)}`),
    }))
    const embed = renderEmbed(answer({ title: '짧은 제목', paragraphs: ['라'.repeat(4000)], fields }))
    expectWithinLimits(embed)
    expect(embed.title).toBe('짧은 제목')
    expect(embed.description!.length).toBeLessThan(4000)
  })

  it('never returns an embed over the limits for random sizes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = (n: number) => (seed * 7919 + n * 104729) % (n + 1)
      const embed = renderEmbed(
        answer({
          title: 't'.repeat(r(400)),
          paragraphs: Array.from({ length: r(5) }, (_, i) => 'p'.repeat(r(3000 + i))),
          fields: Array.from({ length: r(30) }, (_, i) => ({
            label: 'l'.repeat(r(300 + i) + 1),
            items: Array.from({ length: r(50) + 1 }, () => 'i'.repeat(r(200) + 1)),
          })),
          sources: Array.from({ length: r(40) }, (_, i) => source(i)),
        }),
      )
      expectWithinLimits(embed)
    }
  })
})

describe('clipText / clipLines', () => {
  it('returns text unchanged when it fits', () => {
    expect(clipText('hello', 5)).toBe('hello')
    expect(clipLines('a\nb', 3, 'more')).toBe('a\nb')
  })

  it('cuts at a word boundary with an ellipsis when too long', () => {
    expect(clipText('the quick brown fox jumps', 16)).toBe('the quick brown…')
  })

  it('keeps whole lines and counts the rest when a list is too long', () => {
    expect(clipLines('aaaa\nbbbb\ncccc\ndddd', 18, 'more')).toBe('aaaa\n… (+3 more)')
  })
})
