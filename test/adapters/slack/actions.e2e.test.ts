import { afterEach, describe, expect, it } from 'vitest'
import { offerSuggestionsOnAbstain } from '../../helpers/did-you-mean.js'
import { type ApiCall, BOT_USER_ID, buttonAction, mention } from '../../helpers/fake-slack.js'
import { type SlackHarness, startSlackHarness } from './harness.js'

let h: SlackHarness

type Element = { type: string; action_id?: string; value?: string; text?: { text: string } | string }
type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Element[] }

afterEach(async () => {
  await h?.stop()
})

function blocksOf(call: { args: Record<string, unknown> } | { body: Record<string, unknown> }): Block[] {
  const holder = 'args' in call ? call.args : call.body
  return (holder.blocks ?? []) as Block[]
}

function buttons(blocks: Block[]): Element[] {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? [])
}

/** Mentions the bot in a new top-level message and returns the threaded answer and its thread. */
async function askInThread(question: string) {
  const event = mention(`<@${BOT_USER_ID}> ${question}`)
  await h.send.event(event)
  const threadTs = event.ts as string
  const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === threadTs)
  const posted = h.slack.posted.find((m) => m.thread_ts === threadTs)
  return { call, threadTs, answerTs: posted?.ts ?? '', blocks: blocksOf(call) }
}

/** Runs `/kai <text>` and returns the ephemeral reply. */
async function kai(text: string) {
  const responseUrl = h.slack.responseUrl()
  await h.send.command({ text, response_url: responseUrl })
  const post = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
  return { body: post.body, blocks: blocksOf(post) }
}

const postsInThread = (threadTs: string) =>
  h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === threadTs)

describe('Slack answer buttons (real Bolt against the fake Slack)', () => {
  it('offers did-you-mean buttons under an abstention in a thread, and pressing one answers in that thread', async () => {
    h = await startSlackHarness()
    offerSuggestionsOnAbstain(h.bot.core)
    const { threadTs, answerTs, blocks } = await askInThread('매출은?')
    const dym = buttons(blocks).filter((e) => e.action_id?.startsWith('kai_dym_'))
    expect(dym.length).toBeGreaterThan(0)
    expect(dym.length).toBeLessThanOrEqual(3)
    expect(dym.map((e) => e.action_id)).toEqual(dym.map((_, i) => `kai_dym_${i}`))
    expect(JSON.stringify(blocks)).toContain('혹시 이런 질문이었나요?')
    const question = dym[0]!.value!
    const expected = h.bot.core.ask(question, { lang: 'ko' })
    expect(expected.answered).toBe(true)

    const res = await h.send.action(
      buttonAction({
        actionId: 'kai_dym_0',
        value: question,
        messageTs: answerTs,
        threadTs,
        responseUrl: h.slack.responseUrl(),
      }),
    )
    expect(res.status).toBe(200)
    const answer = await h.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.thread_ts === threadTs && c !== postsInThread(threadTs)[0],
    )
    expect(String(answer.args.text)).toContain(expected.blocks.paragraphs[0]!.slice(0, 20))
    const answerBlocks = blocksOf(answer)
    expect(JSON.stringify(answerBlocks[0])).toContain(`질문: “${question}”`)
    expect(answerBlocks.find((b) => b.type === 'header')?.text?.text).toBe(expected.blocks.title)
    expect(postsInThread(threadTs)).toHaveLength(2)
  })

  it('answers a did-you-mean press under an ephemeral /kai reply ephemerally, with a share button', async () => {
    h = await startSlackHarness()
    offerSuggestionsOnAbstain(h.bot.core)
    const reply = await kai('매출은?')
    expect(reply.body.response_type).toBe('ephemeral')
    const dym = buttons(reply.blocks).filter((e) => e.action_id?.startsWith('kai_dym_'))
    expect(dym.length).toBeGreaterThan(0)
    const question = dym[1]?.value ?? dym[0]!.value!
    const expected = h.bot.core.ask(question, { lang: 'ko' })

    const responseUrl = h.slack.responseUrl()
    await h.send.action(
      buttonAction({ actionId: 'kai_dym_1', value: question, ephemeral: true, responseUrl }),
    )
    const answer = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(String(answer.body.text)).toContain(expected.blocks.paragraphs[0]!.slice(0, 20))
    const share = buttons(blocksOf(answer)).find((e) => e.action_id === 'kai_share')
    expect(JSON.parse(share?.value ?? '')).toEqual({ k: 'ask', q: question, l: 'ko' })
    // Nothing public: the presser alone sees the answer.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0)
  })

  it('falls back to chat.postEphemeral when the response_url of an ephemeral reply no longer works', async () => {
    h = await startSlackHarness()
    offerSuggestionsOnAbstain(h.bot.core)
    const reply = await kai('매출은?')
    const question = buttons(reply.blocks).find((e) => e.action_id === 'kai_dym_0')!.value!
    await h.send.action(
      buttonAction({
        actionId: 'kai_dym_0',
        value: question,
        ephemeral: true,
        user: 'U0CAROL',
        // The fake answers 404 here, as Slack does for an expired response_url.
        responseUrl: `${h.slack.baseUrl}/expired/${question.length}`,
      }),
    )
    const posted = await h.slack.waitForCall('chat.postEphemeral')
    expect(posted.args).toMatchObject({ channel: 'C0GENERAL', user: 'U0CAROL' })
    expect(JSON.stringify(posted.args.blocks)).toContain(`질문: “${question}”`)
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0)
  })

  it('shows three sources under a thread answer and the rest, ephemerally in the thread, on "+N more"', async () => {
    h = await startSlackHarness()
    const all = h.bot.core.ask('프로그램 일정은?', { lang: 'ko' }).sources
    expect(all.length).toBeGreaterThan(3)
    const { threadTs, answerTs, blocks } = await askInThread('프로그램 일정은?')
    const context = blocks.find((b) => b.type === 'context' && JSON.stringify(b).includes('출처:'))
    const shown = JSON.stringify(context)
    expect(all.slice(0, 3).every((s) => shown.includes(s.publisher))).toBe(true)
    expect(shown).not.toContain(all[3]!.title)
    expect(shown).toContain(`외 ${all.length - 3}건`)
    const more = buttons(blocks).find((e) => e.action_id === 'kai_sources')
    expect(more?.text).toMatchObject({ text: `출처 ${all.length - 3}건 더 보기` })

    await h.send.action(
      buttonAction({
        actionId: 'kai_sources',
        value: more?.value ?? '',
        user: 'U0BOB',
        messageTs: answerTs,
        threadTs,
        responseUrl: h.slack.responseUrl(),
      }),
    )
    const listed = await h.slack.waitForCall('chat.postEphemeral')
    expect(listed.args).toMatchObject({ channel: 'C0GENERAL', user: 'U0BOB', thread_ts: threadTs })
    const text = JSON.stringify(listed.args.blocks)
    for (const s of all) expect(text).toContain(s.publisher)
    expect(text).toContain(`출처 ${all.length}건 전체`)
    // Only the presser sees the list: nothing new in the thread.
    expect(postsInThread(threadTs)).toHaveLength(1)
  })

  it('lists every source of an ephemeral /kai reply through its response_url on "+N more"', async () => {
    h = await startSlackHarness()
    const reply = await kai('ask what is the program timeline?')
    const all = h.bot.core.ask('what is the program timeline?', { lang: 'en' }).sources
    expect(all.length).toBeGreaterThan(3)
    const more = buttons(reply.blocks).find((e) => e.action_id === 'kai_sources')
    expect(JSON.parse(more?.value ?? '')).toMatchObject({ k: 'ask', l: 'en' })
    const responseUrl = h.slack.responseUrl()
    await h.send.action(
      buttonAction({ actionId: 'kai_sources', value: more?.value, ephemeral: true, responseUrl }),
    )
    const listed = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(listed.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    for (const s of all) expect(JSON.stringify(listed.body.blocks)).toContain(s.publisher)
  })

  it('answers a forged or unknown button politely and ephemerally, and changes nothing', async () => {
    h = await startSlackHarness()
    const presses = [
      { actionId: 'kai_dym_0' },
      { actionId: 'kai_dym_0', value: '   ' },
      { actionId: 'kai_sources', value: '{"k":"nope"}' },
      { actionId: 'kai_sources', value: 'not json' },
      { actionId: 'kai_bogus', value: 'x' },
    ]
    for (const press of presses) {
      const responseUrl = h.slack.responseUrl()
      const res = await h.send.action(buttonAction({ ...press, ephemeral: true, responseUrl }))
      expect(res.status).toBe(200)
      const told = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
      expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
      expect(String(told.body.text)).toContain('Nothing was changed')
    }
    // A forged signature never reaches a handler.
    const forged = await h.send.action(
      buttonAction({ actionId: 'kai_dym_0', value: '1차 결과는?', responseUrl: h.slack.responseUrl() }),
      { signature: 'v0=forged' },
    )
    expect(forged.status).toBe(401)
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0)
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0)
  })

  it('keeps a did-you-mean question that tries to ping inert in the answer it posts', async () => {
    h = await startSlackHarness()
    const { threadTs, answerTs } = await askInThread('1차 결과는?')
    await h.send.action(
      buttonAction({
        actionId: 'kai_dym_0',
        value: '<!channel> <@U0EVIL> 1차 결과는?',
        messageTs: answerTs,
        threadTs,
        responseUrl: h.slack.responseUrl(),
      }),
    )
    const answer: ApiCall = await h.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.thread_ts === threadTs && c !== postsInThread(threadTs)[0],
    )
    const visible = JSON.stringify([answer.args.text, blocksOf(answer).filter((b) => b.type !== 'actions')])
    expect(visible).toContain('&lt;!channel&gt;')
    for (const sequence of ['<!channel', '<@U0EVIL']) expect(visible).not.toContain(sequence)
    expect(answer.args.link_names).toBeUndefined()
  })
})
