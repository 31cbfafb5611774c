import type { ChatSink, Message, Platform } from '../../../src/core/index.js'

/** A posted message as the scripted platform accepted it. */
export interface Posted {
  channelId: string
  message: Message
}

/**
 * An in-test chat platform: accepts posts, or refuses them the way a script says
 * (per channel, for the next N attempts), so dispatcher behaviour can be driven precisely.
 */
export class ScriptedSink implements ChatSink {
  readonly posted: Posted[] = []
  readonly attempts: string[] = []
  private readonly script = new Map<string, (() => Error)[]>()

  constructor(readonly platform: Platform) {}

  /** The next `times` posts to `channelId` throw what `error` makes. */
  failNext(channelId: string, times: number, error: () => Error): this {
    const queue = this.script.get(channelId) ?? []
    for (let i = 0; i < times; i++) queue.push(error)
    this.script.set(channelId, queue)
    return this
  }

  /** Every post to `channelId` throws, as a deleted channel does. */
  failAlways(channelId: string, error: () => Error): this {
    return this.failNext(channelId, 10_000, error)
  }

  async post(channelId: string, message: Message): Promise<void> {
    this.attempts.push(channelId)
    const next = this.script.get(channelId)?.shift()
    if (next) throw next()
    this.posted.push({ channelId, message })
  }

  to(channelId: string): Message[] {
    return this.posted.filter((p) => p.channelId === channelId).map((p) => p.message)
  }
}

/** A clock tests move by hand. */
export class ManualClock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t)
  }
  advance(ms: number): void {
    this.t += ms
  }
}
