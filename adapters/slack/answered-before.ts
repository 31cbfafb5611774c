import type { webApi } from '@slack/bolt'
import { z } from 'zod'

/** Message metadata `event_type` on the bot's answers; the payload names the question it answers. */
export const ANSWER_EVENT_TYPE = 'kai_answer'

/** Metadata to attach to an answer so that a later look at the conversation can tell which question it answers. */
export function answerMetadata(questionTs: string) {
  return { event_type: ANSWER_EVENT_TYPE, event_payload: { question_ts: questionTs } }
}

const History = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        metadata: z
          .looseObject({
            event_type: z.string(),
            event_payload: z.record(z.string(), z.unknown()).optional(),
          })
          .optional(),
      }),
    )
    .default([]),
})

export interface AskedWhere {
  channel: string
  /** The question's own `ts`. */
  questionTs: string
  /** The thread the answer went to; undefined for a top-level answer in a DM. */
  replyThreadTs: string | undefined
}

/**
 * Whether the bot already answered this question, read from Slack itself: its answers carry
 * `answerMetadata`, so the messages after the question in its thread (or DM) tell. Slack's own record
 * survives restarts and is shared by every instance, which an in-memory dedupe is not.
 * Reads one page: a retry comes within minutes, and the answer right after the question.
 * @throws the Web API error when Slack cannot be read (the caller decides what to risk).
 */
export async function answeredBefore(client: webApi.WebClient, where: AskedWhere): Promise<boolean> {
  const page = where.replyThreadTs
    ? await client.conversations.replies({
        channel: where.channel,
        ts: where.replyThreadTs,
        oldest: where.questionTs,
        include_all_metadata: true,
        limit: 200,
      })
    : await client.conversations.history({
        channel: where.channel,
        oldest: where.questionTs,
        include_all_metadata: true,
        limit: 100,
      })
  return History.parse(page).messages.some(
    (m) =>
      m.metadata?.event_type === ANSWER_EVENT_TYPE &&
      m.metadata.event_payload?.question_ts === where.questionTs,
  )
}
