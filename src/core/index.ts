/**
 * The only import path into the bot core: adapters, scripts and main.ts import from here.
 * @module
 */

export type { KaiCoreOptions, LiveKaiCore } from './answer/create-core.js'
/** Builds the question-answering core (router, composers, search fallback) over a validated corpus. */
/** A core whose corpus can be swapped atomically on hot reload. */
export { createKaiCore, createLiveCore } from './answer/create-core.js'
/** Korean particle after any name or number (LG AI연구원은, SKT는, 3은) and natural lists (A, B와 C). */
export { joinList, withParticle } from './answer/particles.js'
export type {
  Answer,
  AnswerField,
  AnswerOutcome,
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
/** Absolute paths of a machine in corpus text (corpus:check also applies it to the corpus's README). */
export { findAbsolutePaths } from './corpus/absolute-paths.js'
export type { LoadResult } from './corpus/load-corpus.js'
export { loadCorpus, loadCorpusOrThrow, loadCorpusSync } from './corpus/load-corpus.js'
export type { TimelineEvent } from './corpus/schema.js'
export type { TeamStatus } from './corpus/state.js'
export {
  deriveTeamStatus,
  eventsInDateOrder,
  eventsOfPhase,
  latestEvaluation,
  latestResultEvent,
  nextScheduledEvents,
  replacesStatus,
  teamStatus,
} from './corpus/state.js'
export type { Corpus, CorpusDocument } from './corpus/types.js'
export type { CorpusWatch, WatchCorpusOptions, WatchLogger } from './corpus/watch-corpus.js'
export { watchCorpus } from './corpus/watch-corpus.js'
export type { CorpusIssue, ErrorCode } from './errors.js'
export { BotError, ConfigError, CorpusError, DeliveryError, formatCorpusIssue } from './errors.js'
/** Pure change detection: `(previous, next) → ChangeEvent[]` with content-derived ids. */
export { canonicalJson, currentStateChange, diffResults } from './notify/diff-results.js'
export type { Dispatcher, DispatcherOptions } from './notify/dispatcher.js'
export { createDispatcher } from './notify/dispatcher.js'
export type {
  CorpusOutcome,
  NotificationPreview,
  Notifications,
  NotificationsDeps,
  NotifyOptions,
} from './notify/notifications.js'
/** Change detection + transactional outbox + dispatcher + NotificationService around one store. */
export { createNotifications, previewNotifications, withRemoteTimeline } from './notify/notifications.js'
export { planDeliveries } from './notify/plan-deliveries.js'
export type { RemoteTimelineResult } from './notify/remote-timeline.js'
/** Validates a RESULTS_URL document against the timeline schema, with file:line issues. */
export { parseRemoteTimeline } from './notify/remote-timeline.js'
/** The results snapshot notifications compare and persist as the baseline. */
export { EMPTY_STATE, resultsStateOf, teamStatusesOf } from './notify/state.js'
export type {
  Baseline,
  CommitResult,
  NotifyStore,
  PendingDelivery,
  PlannedDelivery,
  SubscriptionKey,
} from './notify/store-port.js'
/** ko/en notification templates: ChangeEvent → Message, and the `/kai changes` list. */
export { renderChange, renderChangeList, resultLabel } from './notify/templates.js'
export type {
  ChangeEvent,
  ChangeKind,
  CorrectionChange,
  CurrentStateChange,
  EventRef,
  EventState,
  RecordedChange,
  ResultsChange,
  ResultsState,
  ScheduleChange,
  SourceRef,
  TeamRef,
  TeamStanding,
  TeamStatusChange,
} from './notify/types.js'
export type {
  AdapterDeps,
  ChannelRef,
  ChatAdapter,
  ChatSink,
  Clock,
  HandledOnce,
  NotificationService,
  Platform,
  PostOptions,
  SubscribeOutcome,
  Subscription,
  UnsubscribeOutcome,
} from './ports.js'
export { channelKey, systemClock } from './ports.js'
/** Version of the analyzer: persisted indexes of another version are rebuilt. */
export { ANALYZER_VERSION } from './search/analyzer.js'
export type { RetrievalQuestion } from './search/eval.js'
/** Retrieval eval (MRR@10, hit@1) of our analyzer against MiniSearch's default tokenizer. */
export { runRetrievalEval } from './search/eval.js'
export type { Passage, PassageKind } from './search/passages.js'
/** Renders the corpus as searchable passages in Korean and English. */
export { buildPassages } from './search/passages.js'
/** Loads the persisted search index for a corpus hash, or builds and saves it; saves one (after a hot reload). */
export { loadOrBuildIndex, saveIndex } from './search/persist.js'
export type { SearchHit, SearchIndex, SearchOptions } from './search/search-index.js'
/** Builds the Korean-aware search index over passages (see src/core/search/search-index.ts). */
export { createSearchIndex } from './search/search-index.js'
