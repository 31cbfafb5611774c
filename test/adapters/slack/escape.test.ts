import { describe, expect, it } from 'vitest'
import {
  escapeAndFit,
  escapeMrkdwn,
  mrkdwnLink,
  safePlainText,
  slackToPlainText,
  stripBotMention,
} from '../../../adapters/slack/escape.js'

describe('escapeMrkdwn', () => {
  it('turns every mention and broadcast sequence into inert text when it is typed by a user', () => {
    for (const trick of [
      '<!channel>',
      '<!here>',
      '<!everyone>',
      '<@U123ABC>',
      '<!subteam^S123|@devs>',
      '<#C1|x>',
    ]) {
      const out = escapeMrkdwn(`hi ${trick} there`)
      expect(out).not.toContain('<')
      expect(out).not.toContain('>')
    }
  })

  it('escapes ampersands first so entities typed by the user stay literal when escaped twice over', () => {
    expect(escapeMrkdwn('&lt;!channel&gt; & co')).toBe('&amp;lt;!channel&amp;gt; &amp; co')
  })
})

describe('escapeAndFit', () => {
  it('never leaves half an entity when it cuts', () => {
    const out = escapeAndFit(`${'a'.repeat(8)}<<<<`, 11)
    expect(out).toBe('aaaaaaaa…')
  })

  it('keeps short text whole when it fits', () => {
    expect(escapeAndFit('a < b', 20)).toBe('a &lt; b')
  })
})

describe('mrkdwnLink', () => {
  it('links http(s) URLs with an escaped label when the URL is valid', () => {
    expect(mrkdwnLink('https://example.com/a?b=1&c=2', 'A <b> | c')).toBe(
      '<https://example.com/a?b=1&amp;c=2|A &lt;b&gt; ¦ c>',
    )
  })

  it('shows the label alone when the URL is missing or not http', () => {
    expect(mrkdwnLink(null, 'Title')).toBe('Title')
    expect(mrkdwnLink('', 'Title')).toBe('Title')
    expect(mrkdwnLink('javascript:alert(1)', 'Title')).toBe('Title')
    expect(mrkdwnLink('https://x.com/<!channel>', 'T')).toBe('T')
  })
})

describe('safePlainText', () => {
  it('replaces angle brackets in plain_text when a title echoes user input', () => {
    expect(safePlainText('<!here> 팀')).toBe('‹!here› 팀')
  })
})

describe('slackToPlainText', () => {
  it('decodes entities and Slack markup into what the person typed', () => {
    expect(
      slackToPlainText('LG &amp; SK &lt;3 <@U1|bob> <#C1|general> <!here> <https://a.b|link> <https://c.d>'),
    ).toBe('LG & SK <3 @bob #general @here link https://c.d')
  })

  it('keeps ids when Slack sends mentions without names', () => {
    expect(slackToPlainText('<@U0ALICE> hi')).toBe('@U0ALICE hi')
  })
})

describe('stripBotMention', () => {
  it('removes the bot mention wherever it is when the bot user id is known', () => {
    expect(stripBotMention('<@UBOT> 1차 결과는?', 'UBOT')).toBe('1차 결과는?')
    expect(stripBotMention('hey <@UBOT>, who won? <@UBOT>', 'UBOT')).toBe('hey who won?')
  })

  it('leaves other mentions in place when they are not the bot', () => {
    expect(stripBotMention('<@UBOT> ask <@U2>', 'UBOT')).toBe('ask <@U2>')
  })
})
