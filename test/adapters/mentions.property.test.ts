import type { REST } from 'discord.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_MENTIONS } from '../../adapters/discord/interactions.js'
import { renderEmbed } from '../../adapters/discord/render.js'
import { createDiscordSink } from '../../adapters/discord/sink.js'
import { renderAnswer, renderNotice, withShareButton } from '../../adapters/slack/render.js'
import {
  type Answer,
  type ChangeEvent,
  diffResults,
  renderChange,
  resultsStateOf,
} from '../../src/core/index.js'
import { corpusOf, PHASE1, SELECTION } from '../core/notify/fixtures.js'

/** What pings in Slack (`<!channel>`, `<@U…>`, …) or Discord (`@everyone`, `<@id>`, `<@&role>`), plus markup. */
const MENTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<@U012ABCDEF>',
  '<@W012ABCDEF|someone>',
  '<#C012ABCDEF>',
  '<#C012ABCDEF|general>',
  '<!subteam^S012ABC|@team>',
  '<!date^1392734382^{date}|x>',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '&',
  '<',
  '>',
  '&lt;!channel&gt;',
]

/** Random text around mention-like pieces, so escaping is tested next to every neighbour. */
const mentionLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MENTIONS),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('<', '!', '@', '#', '|', '&', ' '),
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''))

function answerOf(t: string[]): Answer {
  const [a, b, c, d, e, f, g] = t as [string, string, string, string, string, string, string]
  const sources = [
    { id: 's1', title: a, publisher: b, url: 'https://example.com/a?x=1&y=2', date: '2026-01-15' },
    { id: 's2', title: c, publisher: d, url: null, date: null },
  ]
  return {
    lang: 'ko',
    text: `${a} ${e}`,
    question: f,
    intent: 'fallback' as Answer['intent'],
    answered: true,
    sources,
    context: {},
    suggestions: [g, a],
    confidence: 1,
    outcome: 'suggest',
    didYouMean: [g],
    blocks: {
      title: a,
      paragraphs: [e, `${b}\n\n${c}`],
      fields: [{ label: d, items: [e, f] }],
      sources,
      asOf: g,
      conflict: true,
    },
  }
}

/** Every string Slack parses for mentions (mrkdwn texts and the fallback `text`), and every plain_text. */
function slackTexts(value: unknown): { mrkdwn: string[]; plain: string[] } {
  const out = { mrkdwn: [] as string[], plain: [] as string[] }
  const walk = (v: unknown, top: boolean): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, false)
      return
    }
    if (!v || typeof v !== 'object') return
    const o = v as Record<string, unknown>
    if (typeof o.text === 'string') {
      if (o.type === 'plain_text') out.plain.push(o.text)
      else if (o.type === 'mrkdwn' || top) out.mrkdwn.push(o.text)
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'value') walk(x, false)
  }
  walk(value, true)
  return out
}

function expectNothingPingsInSlack(rendered: unknown): void {
  const { mrkdwn, plain } = slackTexts(rendered)
  for (const text of mrkdwn) {
    // The only `<…>` left are the renderer's own links to http(s) sources.
    expect(text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '')).not.toMatch(/[<>]/)
    // `&` only starts one of the three entities Slack documents.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/)
  }
  for (const text of plain) expect(text).not.toMatch(/[<>]/)
}

const phase1 = diffResults(
  resultsStateOf(corpusOf([SELECTION])),
  resultsStateOf(corpusOf([SELECTION, PHASE1])),
)[0]!

/** The phase-1 change with mention-like text in every name, title and publisher the corpus supplies. */
function changeWith(text: string): ChangeEvent {
  const map = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string')
      return ['title', 'publisher', 'ko', 'en', 'name', 'reason'].includes(key) ? `${v}${text}` : v
    if (Array.isArray(v)) return v.map((x) => map(x, key))
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, k)]))
    return v
  }
  return map(phase1) as ChangeEvent
}

describe('mentions and markup from users or the corpus', () => {
  it('never survive the Slack answer, notice and share renderers when any field holds them', () => {
    fc.assert(
      fc.property(fc.array(mentionLike, { minLength: 7, maxLength: 7 }), (t) => {
        const answer = answerOf(t)
        expectNothingPingsInSlack(renderAnswer(answer))
        expectNothingPingsInSlack(renderAnswer(answer, { inlineSources: 1 }))
        expectNothingPingsInSlack(renderNotice(t.join('\n')))
        expectNothingPingsInSlack(withShareButton(renderAnswer(answer), 'en', t[0]!))
      }),
      { numRuns: 300 },
    )
  })

  it('never survive a notification rendered for Slack when names and titles hold them', () => {
    fc.assert(
      fc.property(mentionLike, fc.constantFrom('ko' as const, 'en' as const), (text, lang) => {
        const message = renderChange(changeWith(text), lang)
        expect(JSON.stringify(message.blocks)).toContain(
          text.length > 0 ? JSON.stringify(text).slice(1, -1) : '',
        )
        expectNothingPingsInSlack(renderAnswer(message))
      }),
      { numRuns: 200 },
    )
  })

  it('never ping on Discord: text goes into embeds only and every notification sets allowed_mentions to parse nothing', async () => {
    const bodies: Record<string, unknown>[] = []
    const rest = {
      post: async (_route: string, init: { body: Record<string, unknown> }) => void bodies.push(init.body),
    }
    const sink = createDiscordSink(rest as unknown as REST)
    await fc.assert(
      fc.asyncProperty(fc.array(mentionLike, { minLength: 7, maxLength: 7 }), async (t) => {
        const answer = answerOf(t)
        // Discord never pings from an embed; only `content` can, and the renderer never fills it.
        expect(renderEmbed(answer)).not.toHaveProperty('content')
        expect(renderEmbed(answer, { inlineSources: 1 })).not.toHaveProperty('content')
        await sink.post('123456789012345678', renderChange(changeWith(t[0]!), 'ko'), {
          deliveryKey: t[1]!,
          inDoubt: false,
        })
        const body = bodies.at(-1)!
        expect(body).not.toHaveProperty('content')
        expect(body.allowed_mentions).toStrictEqual({ parse: [] })
      }),
      { numRuns: 200 },
    )
    expect(NO_MENTIONS).toStrictEqual({ parse: [] })
  })
})
