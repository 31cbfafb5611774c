/**
 * The only import path into the bot core: adapters, scripts and main.ts import from here.
 * @module
 */
export type {
  Answer,
  AnswerField,
  AnswerSource,
  AskOptions,
  Choice,
  ConversationContext,
  Intent,
  KaiCore,
  Lang,
  Message,
  MessageBlocks,
} from './answer/types.js'
export type { LoadResult } from './corpus/load-corpus.js'
export { loadCorpus, loadCorpusOrThrow, loadCorpusSync } from './corpus/load-corpus.js'
export type { Corpus, CorpusDocument } from './corpus/types.js'
export type { CorpusIssue, ErrorCode } from './errors.js'
export { BotError, ConfigError, CorpusError, DeliveryError, formatCorpusIssue } from './errors.js'
export type {
  AdapterDeps,
  ChannelRef,
  ChatAdapter,
  ChatSink,
  Clock,
  NotificationService,
  Platform,
  SubscribeOutcome,
  Subscription,
  UnsubscribeOutcome,
} from './ports.js'
export { channelKey, systemClock } from './ports.js'
