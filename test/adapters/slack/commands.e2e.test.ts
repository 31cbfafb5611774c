import { afterEach, describe, expect, it } from 'vitest'
import { shareAction } from '../../helpers/fake-slack.js'
import { type SlackHarness, startSlackHarness } from './harness.js'

let h: SlackHarness

type Block = { type: string; text?: { text: string }; elements?: { value?: string; action_id?: string }[] }

/** Runs `/kai <text>` and returns what the bot POSTed to that command's response_url. */
async function kai(text: string, fields: Record<string, string> = {}) {
  const responseUrl = h.slack.responseUrl()
  const res = await h.send.command({ text, response_url: responseUrl, ...fields })
  expect(res.status).toBe(200)
  // Acked at once with an empty body: the answer arrives through response_url.
  expect(await res.text()).toBe('')
  const post = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
  const blocks = (post.body.blocks ?? []) as Block[]
  return { body: post.body, blocks, json: JSON.stringify(post.body), shareValue: shareValueOf(blocks) }
}

function shareValueOf(blocks: Block[]): string | undefined {
  const actions = blocks.find((b) => b.type === 'actions')
  return actions?.elements?.find((e) => e.action_id === 'kai_share')?.value
}

afterEach(async () => {
  await h?.stop()
})

describe('/kai over HTTP', () => {
  it('answers ask, a bare question, results, team, changes and help ephemerally with a share button', async () => {
    h = await startSlackHarness()
    const ask = await kai('ask who made K-EXAONE?')
    expect(ask.body).toMatchObject({ response_type: 'ephemeral' })
    expect(ask.blocks[0]?.text?.text).toBe('LG AI Research')
    expect(String(ask.body.text)).toContain("LG AI Research's model is K-EXAONE")
    expect(JSON.parse(ask.shareValue ?? '')).toEqual({ k: 'ask', q: 'who made K-EXAONE?', l: 'en' })

    const bare = await kai('1차 결과는?')
    expect(bare.blocks[0]?.text?.text).toBe('1차 평가 결과')

    const results = await kai('results 1')
    expect(results.blocks[0]?.text?.text).toBe('Results of the first-stage evaluation')
    expect(JSON.parse(results.shareValue ?? '')).toEqual({ k: 'results', p: 1, l: 'en' })
    expect((await kai('결과')).blocks[0]?.text?.text).toBe('현재 정예팀 현황')

    const team = await kai('team Upstage')
    expect(team.blocks[0]?.text?.text).toBe('Upstage')

    const changes = await kai('changes since 2025-08-01')
    expect(changes.body.response_type).toBe('ephemeral')
    expect(changes.shareValue).toBeDefined()

    const help = await kai('help')
    expect(help.blocks[0]?.text?.text).toBe('kai-bot help')
    // The fake's users have Slack's default locale, en-US, so a bare `/kai` gets English help.
    const empty = await kai('')
    expect(empty.blocks[0]?.text?.text).toBe('kai-bot help')
  })

  it("answers a subcommand word in the language of the asker's Slack locale", async () => {
    h = await startSlackHarness()
    h.slack.users.set('U0MINJI', { locale: 'ko-KR' })
    h.slack.users.set('U0EMMA', { locale: 'en-US' })
    const korean = await kai('results', { user_id: 'U0MINJI' })
    expect(korean.blocks[0]?.text?.text).toBe('현재 정예팀 현황')
    expect(JSON.parse(korean.shareValue ?? '')).toEqual({ k: 'results', p: null, l: 'ko' })
    expect((await kai('help', { user_id: 'U0MINJI' })).blocks[0]?.text?.text).toBe('kai-bot 도움말')
    expect((await kai('results', { user_id: 'U0EMMA' })).blocks[0]?.text?.text).toBe('Elite teams today')
    const lookups = h.slack.callsTo('users.info')
    expect(lookups.map((c) => c.args.user)).toEqual(['U0MINJI', 'U0EMMA'])
    expect(lookups[0]?.args.include_locale).toBe('true')
  })

  it('follows the question, not the locale, and Korean words whatever the locale', async () => {
    h = await startSlackHarness()
    h.slack.users.set('U0MINJI', { locale: 'ko-KR' })
    const ask = await kai('ask who advanced?', { user_id: 'U0MINJI' })
    expect(String(ask.body.text)).toContain('In the first-stage evaluation')
    expect(JSON.parse(ask.shareValue ?? '').l).toBe('en')
    expect((await kai('결과')).blocks[0]?.text?.text).toBe('현재 정예팀 현황')
    // Neither needed the locale.
    expect(h.slack.callsTo('users.info')).toHaveLength(0)
  })

  it('answers in Korean when users.info fails, and still answers', async () => {
    h = await startSlackHarness()
    h.slack.users.set('U0EMMA', { locale: 'en-US' })
    h.slack.failNext('users.info', { error: 'ratelimited', retryAfterSec: 30 })
    const reply = await kai('results', { user_id: 'U0EMMA' })
    expect(reply.blocks[0]?.text?.text).toBe('현재 정예팀 현황')
    expect(
      h.logs.lines.find((l) => l.msg === 'could not look up the user locale, answering in Korean'),
    ).toMatchObject({ user: 'U0EMMA', slackError: 'ratelimited' })
    // A failure is not remembered: the next command asks Slack again.
    expect((await kai('results', { user_id: 'U0EMMA' })).blocks[0]?.text?.text).toBe('Elite teams today')
  })

  it('explains a bad phase or date instead of guessing', async () => {
    h = await startSlackHarness()
    expect((await kai('results soon')).body.text).toContain("'soon' is not a phase")
    expect((await kai('changes since 2025-13-45')).body.text).toContain('is not a date')
  })

  it('subscribes, lists and unsubscribes a channel for a member when the rule is members', async () => {
    h = await startSlackHarness({ env: { SLACK_SUBSCRIBE_RULE: 'members' } })
    h.slack.members.set('C0GENERAL', ['U0ALICE', 'UBOT0KAI'])
    const ref = { platform: 'slack' as const, workspaceId: 'T0FAKE', channelId: 'C0GENERAL' }

    expect((await kai('구독')).body.text).toContain('모든 소식을 구독했습니다')
    expect((await kai('subscribe Upstage')).body.text).toContain('news about Upstage')
    expect((await h.notifications.list(ref)).map((s) => s.teamId).sort()).toEqual([null, 'upstage'].sort())
    expect((await kai('구독')).body.text).toContain('이미')

    const list = await kai('subscriptions')
    expect(list.body.text).toContain('all news')
    expect(list.body.text).toContain('news about Upstage')
    expect(list.shareValue).toBeUndefined()

    expect((await kai('unsubscribe Upstage')).body.text).toContain('no longer follows news about Upstage')
    expect((await kai('unsubscribe Upstage')).body.text).toContain('does not follow')
    expect((await h.notifications.list(ref)).filter((s) => s.active)).toHaveLength(1)
    expect(h.slack.callsTo('conversations.members')[0]?.args).toMatchObject({ channel: 'C0GENERAL' })
  })

  it('refuses subscribe to a non-member who is not an admin, and allows an admin', async () => {
    h = await startSlackHarness({ env: { SLACK_SUBSCRIBE_RULE: 'members' } })
    h.slack.members.set('C0GENERAL', ['U0ALICE'])
    const refused = await kai('subscribe', { user_id: 'U0MALLORY' })
    expect(refused.body.text).toContain('Only members of this channel or workspace admins')
    h.slack.users.set('U0ADMIN', { is_admin: true })
    expect((await kai('subscribe', { user_id: 'U0ADMIN' })).body.text).toContain('now follows all news')
  })

  it('lets only admins subscribe when the rule is admins, and anyone when it is anyone', async () => {
    h = await startSlackHarness({ env: { SLACK_SUBSCRIBE_RULE: 'admins' } })
    h.slack.members.set('C0GENERAL', ['U0ALICE'])
    expect((await kai('subscribe')).body.text).toContain('Only workspace admins')
    h.slack.users.set('U0OWNER', { is_owner: true })
    expect((await kai('subscribe', { user_id: 'U0OWNER' })).body.text).toContain('now follows')
    await h.stop()

    h = await startSlackHarness({ env: { SLACK_SUBSCRIBE_RULE: 'anyone' } })
    expect((await kai('subscribe', { user_id: 'U0STRANGER' })).body.text).toContain('now follows')
    // The only users.info is the locale lookup for the reply language, not an admin check.
    expect(h.slack.callsTo('users.info').filter((c) => c.args.include_locale !== 'true')).toHaveLength(0)
  })

  it('says which team it does not know when subscribing to an unknown team', async () => {
    h = await startSlackHarness({ env: { SLACK_SUBSCRIBE_RULE: 'anyone' } })
    const reply = await kai('subscribe &lt;!channel&gt;')
    expect(reply.body.text).toBe("No team called '&lt;!channel&gt;'. Try `/kai team` with a team name.")
  })

  it('escapes a mention trick that the core echoes back when a team is not found', async () => {
    h = await startSlackHarness()
    // Slack sends what was typed with & < > escaped; the adapter decodes it before asking the core.
    const reply = await kai('team &lt;!channel&gt; &lt;@U0EVIL&gt;')
    // The share button's value is data for the bot, never shown, so only text and visible blocks count.
    const visible = JSON.stringify([reply.body.text, reply.blocks.filter((b) => b.type !== 'actions')])
    expect(visible).toContain('&lt;!channel&gt;')
    for (const sequence of ['<!channel', '<@U0EVIL']) expect(visible).not.toContain(sequence)
  })

  it('shares an answer publicly when the share button is pressed, then deletes the ephemeral copy', async () => {
    h = await startSlackHarness()
    const ask = await kai('1차 결과는?')
    const responseUrl = h.slack.responseUrl()
    const res = await h.send.action(shareAction(ask.shareValue ?? '', { responseUrl }))
    expect(res.status).toBe(200)
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0GENERAL')
    expect(String(post.args.text)).toContain('1차 평가에서')
    const blocks = post.args.blocks as { type: string; elements?: { text: string }[] }[]
    expect(blocks.at(-1)?.elements?.[0]?.text).toBe('<@U0ALICE> 님이 `/kai` 답을 공유했습니다')
    expect(blocks.some((b) => b.type === 'actions')).toBe(false)
    const deleted = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(deleted.body).toEqual({ delete_original: true })
  })

  it("shares in the language the answer was given in, and tells a broken button in the presser's locale", async () => {
    h = await startSlackHarness()
    h.slack.users.set('U0EMMA', { locale: 'en-US' })
    const results = await kai('results', { user_id: 'U0EMMA' })
    await h.send.action(
      shareAction(results.shareValue ?? '', { user: 'U0EMMA', responseUrl: h.slack.responseUrl() }),
    )
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0GENERAL')
    const blocks = post.args.blocks as Block[]
    expect(blocks[0]?.text?.text).toBe('Elite teams today')
    expect(JSON.stringify(blocks.at(-1))).toContain('Shared by <@U0EMMA>')

    const responseUrl = h.slack.responseUrl()
    await h.send.action(shareAction('{"k":"gone"}', { user: 'U0EMMA', responseUrl }))
    const told = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(String(told.body.text)).toContain('This button no longer works')
  })

  it('tells the user to invite the bot when sharing in a channel it is not in', async () => {
    h = await startSlackHarness()
    const ask = await kai('who was eliminated?')
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' })
    const responseUrl = h.slack.responseUrl()
    await h.send.action(shareAction(ask.shareValue ?? '', { responseUrl }))
    const told = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(String(told.body.text)).toContain('Invite me with `/invite @kai`')
  })

  it('apologises with the request id when the command handler fails, and keeps serving', async () => {
    h = await startSlackHarness()
    h.bot.core.results = () => {
      throw new Error('results broke')
    }
    const failed = await kai('results', { trigger_id: '12345.67890.abcdef01' })
    expect(failed.body).toMatchObject({ response_type: 'ephemeral' })
    expect(String(failed.body.text)).toContain('(request abcdef01)')
    expect(h.logs.lines.find((l) => l.msg === 'slack command failed')).toMatchObject({
      requestId: '12345.67890.abcdef01',
      adapter: 'slack',
    })
    expect((await kai('help')).blocks[0]?.text?.text).toBe('kai-bot help')
  })
})
