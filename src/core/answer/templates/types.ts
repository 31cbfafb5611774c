import type { EventKind, FactTopic, OutcomeResult, ScoreKey } from '../../corpus/schema.js'
import type { Lang } from '../types.js'

/** A dated stage of the programme as a sentence needs it: what kind of event and which phase. */
export interface Stage {
  kind: EventKind
  phase?: number
}

/** The words of one language. Every sentence the bot says is built here, so the composers stay language-free. */
export interface Templates {
  lang: Lang
  /** 2026-01-15 → "2026년 1월 15일" / "January 15, 2026"; coarser dates stay coarse. */
  date(date: string): string
  list(items: readonly string[], conjunction?: 'and' | 'or'): string
  /** "1차 평가", "the first-stage evaluation", "정예팀 선정", "the additional call". */
  stage(stage: Stage): string
  /** Field label for a group of teams with one result: "진출" / "Advanced". */
  resultLabel(result: OutcomeResult): string
  scoreLabel(key: ScoreKey): string
  /** One team's result as a full sentence. */
  outcome(team: string, result: OutcomeResult, stage: Stage, date: string): string
  /** The first sentence of a results answer: who advanced and who was eliminated. */
  stageResults(stage: Stage, date: string, groups: { result: OutcomeResult; teams: string[] }[]): string
  /** The latest standing: teams still in and teams out. */
  currentState(active: string[], out: string[]): string
  nextEvent(title: string, date: string): string
  /** "How many …?": the number of teams with one result, e.g. "지원: 모두 15곳입니다." */
  teamCount(label: string, n: number): string
  /** Results of a phase the corpus does not hold yet. */
  phaseNotKnown(phase: number, scheduledDate?: string): string
  claimConfirmed(statement: string): string
  claimCorrected(statement: string): string
  /** The team took no part in the stage the claim names. */
  notInStage(team: string, stage: Stage): string
  resultsTitle(stage?: Stage): string
  teamTitle(team: string): string
  teamIntro(team: string, lead: string, elite: boolean): string
  /** The lead of an every-team overview: how many elite teams and who. */
  teamsOverview(teams: string[]): string
  models(team: string, models: string[]): string
  modelSpecs(model: string, specs: Record<string, string>): string
  specLabel(key: string): string
  members(team: string, members: string[]): string
  /** How many organizations the sources list for a team's consortium ("몇 곳", "how many"). */
  memberCount(team: string, count: number): string
  noData(team: string, what: 'members' | 'models' | 'scores' | 'goal' | 'status'): string
  scores(team: string, stage: Stage, parts: { key: ScoreKey; value: number; max?: number }[]): string
  /** The standing recorded for a team in one stage (its rank, the top four, scores not published). */
  standing(team: string, stage: Stage, reason: string): string
  whyTitle(team: string): string
  why(team: string, result: OutcomeResult, stage: Stage, reason: string): string
  whyUnknown(team: string, result: OutcomeResult, stage: Stage): string
  personIntro(name: string, role: string): string
  /** Nobody holding the asked role of a team is recorded ("NC AI 대표"). */
  noPerson(team: string, role: string): string
  /** The asked specs of a model (context length, vocabulary, cost) are not in the sources. */
  specNotKnown(model: string, what: string[]): string
  quote(name: string, text: string, context: string, date: string | undefined, paraphrase: boolean): string
  term(term: string, definition: string): string
  programIntro(name: string, aliases: string[], summary: string): string
  structure(counts: number[]): string
  topicTitle(topic: FactTopic | 'program'): string
  conflictIntro(question: string): string
  /** One side of a conflict, with who says it. */
  conflictSide(text: string, by: string): string
  /** "K-EXAONE은 2025년 12월 31일에 공개됐습니다." */
  released(model: string, date: string): string
  event(title: string, date: string, endDate: string | undefined, scheduled: boolean): string
  timelineTitle: string
  searchIntro: string
  noAnswer: string
  /** The question asks about words the stored sources never use (매출, 웹툰, employees). */
  notInSources(words: string[]): string
  outOfScope: string
  emptyQuestion: string
  tooLong(max: number): string
  unknownTeam(name: string): string
  unknownTerm: string
  capabilities: string
  helpTitle: string
  help: string[]
  /** A short label for a source in running text: "ZDNet Korea, 2026-01-15". */
  sourceLabel(publisher: string, date: string | null): string
  labels: {
    sources: string
    asOf: string
    status: string
    model: string
    members: string
    goal: string
    scores: string
    events: string
    people: string
    scheduled: string
    conflict: string
    teams: string
  }
  suggestions: {
    results: string[]
    team(team: string): string[]
    general: string[]
  }
}
