import type { Lang, Message } from './answer/types.js'

export type Platform = 'slack' | 'discord'

/** A channel on a platform; ids are the platform's own. */
export interface ChannelRef {
  platform: Platform
  /** Slack team (workspace) id or Discord guild id; '' for configured channels where it is unknown. */
  workspaceId: string
  channelId: string
}

/** `slack:C123` / `discord:987` — how channels are named in logs and keys. */
export function channelKey(ref: Pick<ChannelRef, 'platform' | 'channelId'>): string {
  return `${ref.platform}:${ref.channelId}`
}

/**
 * Where notifications go. Each adapter implements one; the notification dispatcher only calls `post`.
 * `post` throws `DeliveryError` (with `retryAfterMs` or `permanent`) when the platform refuses.
 */
/** What a notification post carries besides the message, so a platform can make a repeat invisible. */
export interface PostOptions {
  /** Stable for one delivery across attempts and instances (e.g. `kai-delivery-42`). */
  deliveryKey: string
  /** A previous attempt's outcome is unknown (its sender died mid-send): check before posting again. */
  inDoubt: boolean
}

export interface ChatSink {
  platform: Platform
  post(channelId: string, message: Message, options?: PostOptions): Promise<void>
}

/** Time, injectable so tests can control it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface Subscription extends ChannelRef {
  /** Only events touching this team; null means every event. */
  teamId: string | null
  lang: Lang
  active: boolean
  /** 'command' when made with /kai subscribe, 'config' when from NOTIFY_*_CHANNELS. */
  origin: 'command' | 'config'
}

export type SubscribeOutcome = { kind: 'created' | 'updated' | 'unchanged'; subscription: Subscription }
export type UnsubscribeOutcome = { kind: 'removed' | 'not-found' }

/** What the adapters' subscribe / unsubscribe / subscriptions / changes commands call. */
export interface NotificationService {
  subscribe(ref: ChannelRef, options: { teamId: string | null; lang: Lang }): Promise<SubscribeOutcome>
  unsubscribe(ref: ChannelRef, options: { teamId: string | null }): Promise<UnsubscribeOutcome>
  list(ref: ChannelRef): Promise<Subscription[]>
  /** Recorded change events, newest first, as a message in `lang`; `since` is YYYY-MM-DD. */
  changes(since: string | undefined, lang: Lang): Promise<Message>
}

/**
 * Work several instances must do once (answering one Slack event): `claim` is true for the first
 * instance to ask, until that one's lease lapses; `done` keeps it claimed for good.
 */
export interface HandledOnce {
  claim(key: string): Promise<boolean>
  done(key: string): Promise<void>
}

/** What an adapter needs from the rest of the bot. */
export interface AdapterDeps {
  core: import('./answer/types.js').KaiCore
  notifications: NotificationService
  logger: import('pino').Logger
  /** Shared across instances (the store); absent, each process dedupes on its own. */
  handledOnce?: HandledOnce
}

/** A running connection to one chat platform, created by `createSlackAdapter` / `createDiscordAdapter`. */
export interface ChatAdapter {
  name: Platform
  /** Delivers notifications to this platform's channels. */
  sink: ChatSink
  /** Connects and resolves once the adapter is ready to answer. */
  start(): Promise<void>
  /** Stops taking new requests, lets in-flight ones finish, disconnects. */
  stop(): Promise<void>
  /**
   * Where the adapter's own HTTP server listens once started (e.g. Slack in HTTP mode), so a caller that
   * asked for PORT=0 can find the port; undefined when the adapter serves no HTTP.
   */
  httpAddress?(): { host: string; port: number } | undefined
}
