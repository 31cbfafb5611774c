import type { OutcomeResult, ScoreKey } from '../../corpus/schema.js'
import { joinList } from '../particles.js'
import type { Stage, Templates } from './types.js'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

function date(d: string): string {
  const [y, m, day] = d.split('-')
  if (day) return `${MONTHS[Number(m) - 1]} ${Number(day)}, ${y}`
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`
  return y!
}

function stage(s: Stage): string {
  switch (s.kind) {
    case 'call':
      return 'the call for elite teams'
    case 'applications':
      return 'the application round'
    case 'screening':
      return 'the document review'
    case 'selection':
      return 'the elite-team selection'
    case 'presentation':
      return 'the first public presentation'
    case 'dispute':
      return 'the originality dispute'
    case 'announcement':
      return 'an announcement'
    case 'retender-call':
    case 'retender-applications':
    case 'addition':
      return 'the additional call'
    default:
      if (s.phase === 0) return 'the elite-team selection'
      if (s.phase === 3) return 'the final evaluation'
      return s.phase ? `the ${ORDINAL[s.phase] ?? `${s.phase}th`}-stage evaluation` : 'the evaluation'
  }
}

const ORDINAL: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third' }

const RESULT_LABEL: Record<OutcomeResult, string> = {
  applied: 'Applied',
  shortlisted: 'Passed document review',
  'screened-out': 'Screened out',
  selected: 'Selected',
  'not-selected': 'Not selected',
  advanced: 'Advanced',
  eliminated: 'Eliminated',
  added: 'Added',
  declined: 'Declined',
  withdrew: 'Withdrew',
  pending: 'Pending',
}

const SCORE_LABEL: Record<ScoreKey, string> = {
  total: 'total',
  benchmark: 'benchmarks',
  nia_benchmark: 'NIA benchmark',
  global_common: 'global common benchmarks',
  global_individual: 'global individual benchmarks',
  expert: 'expert review',
  user: 'user evaluation',
}

function predicate(result: OutcomeResult, where: string): string {
  switch (result) {
    case 'applied':
      return `applied in ${where}`
    case 'shortlisted':
      return `passed ${where}`
    case 'screened-out':
      return `was screened out in ${where}`
    case 'selected':
      return `was selected as an elite team in ${where}`
    case 'not-selected':
      return `was not selected in ${where}`
    case 'advanced':
      return `passed ${where} and advanced to the next stage`
    case 'eliminated':
      return `was eliminated in ${where}`
    case 'added':
      return `was added as an elite team in ${where}`
    case 'declined':
      return `declined to take part in ${where}`
    case 'withdrew':
      return `withdrew from ${where}`
    case 'pending':
      return `is waiting for the result of ${where}`
  }
}

function plural(result: OutcomeResult, who: string, many: boolean): string {
  const be = many ? 'were' : 'was'
  switch (result) {
    case 'advanced':
      return `${who} advanced`
    case 'eliminated':
      return `${who} ${be} eliminated`
    case 'screened-out':
      return `${who} ${be} screened out`
    case 'selected':
      return `${who} ${be} selected`
    case 'not-selected':
      return `${who} ${be} not selected`
    case 'added':
      return `${who} ${be} added`
    case 'shortlisted':
      return `${who} passed`
    case 'applied':
      return `${who} applied`
    case 'declined':
    case 'withdrew':
      return `${who} did not take part`
    case 'pending':
      return `${who} ${many ? 'are' : 'is'} pending`
  }
}

const SPEC_LABEL: Record<string, string> = {
  architecture: 'architecture',
  total_params: 'total parameters',
  active_params: 'active parameters',
  context: 'context',
  vocabulary: 'vocabulary',
  training_tokens: 'training tokens',
  languages: 'languages',
  license: 'licence',
  released: 'released',
  cost: 'development or training cost',
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const en: Templates = {
  lang: 'en',
  date,
  list: (items, conjunction = 'and') => joinList(items, 'en', conjunction),
  stage,
  resultLabel: (r) => RESULT_LABEL[r],
  scoreLabel: (k) => SCORE_LABEL[k],
  outcome: (team, result, s, d) => `${team} ${predicate(result, stage(s))} on ${date(d)}.`,
  stageResults(s, d, groups) {
    const parts = groups.map((g) => plural(g.result, joinList(g.teams, 'en'), g.teams.length > 1))
    return `In ${stage(s)} on ${date(d)}, ${joinList(parts, 'en')}.`
  },
  currentState(active, out) {
    const first = `${active.length} elite teams are still in: ${joinList(active, 'en')}.`
    return out.length
      ? `${first} ${joinList(out, 'en')} ${out.length > 1 ? 'were' : 'was'} eliminated.`
      : first
  },
  teamCount: (label, n) => `${label}: ${n} in all.`,
  nextEvent: (title, d) => `Next: ${title}, planned for ${date(d)}.`,
  phaseNotKnown(phase, scheduled) {
    const name = stage({ kind: 'evaluation', phase })
    const when = scheduled ? ` ${capitalize(name)} is scheduled for ${date(scheduled)}.` : ''
    return `The results of ${name} are not known yet; the stored sources do not report them.${when}`
  },
  claimConfirmed: (s) => `Yes. ${s}`,
  claimCorrected: (s) => `No, that is not right. ${s}`,
  notInStage: (team, s) => `${team} did not take part in ${stage(s)}.`,
  resultsTitle: (s) => (s ? `Results of ${stage(s)}` : 'Elite teams today'),
  teamTitle: (team) => team,
  teamsOverview: (teams) =>
    `The elite teams in the sources are ${joinList(teams, 'en')}. What the sources say each aims for:`,
  teamIntro: (team, lead, elite) =>
    elite
      ? `${team} is an elite-team consortium of the Sovereign AI Foundation Model project${lead === team ? '' : `, led by ${lead}`}.`
      : `${team} is a consortium (lead: ${lead}) that applied to the Sovereign AI Foundation Model project.`,
  models: (team, models) =>
    `${team}'s model${models.length > 1 ? 's are' : ' is'} ${joinList(models, 'en')}.`,
  modelSpecs(model, specs) {
    const parts = Object.entries(specs).map(([k, v]) => `${SPEC_LABEL[k] ?? k} ${v}`)
    return `${model}: ${parts.join(', ')}.`
  },
  specLabel: (k) => capitalize(SPEC_LABEL[k] ?? k),
  members: (team, members) => `${team}'s consortium includes ${joinList(members, 'en')}.`,
  memberCount: (team, count) => `The sources list ${count} organizations in ${team}'s consortium.`,
  noData(team, what) {
    const thing = {
      members: 'consortium members',
      models: 'model',
      scores: 'scores',
      goal: 'goal',
      status: 'evaluation results',
    }[what]
    return `The stored sources hold no ${thing} for ${team}.`
  },
  scores(team, s, parts) {
    const text = parts.map((p) => `${SCORE_LABEL[p.key]} ${p.value}${p.max ? `/${p.max}` : ''}`).join(', ')
    return `${team}'s scores in ${stage(s)}: ${text}.`
  },
  standing: (team, s, reason) => `What the sources record for ${team} in ${stage(s)}: ${reason}`,
  whyTitle: (team) => `${team}: why`,
  why: (team, result, s, reason) =>
    `Why ${team} was ${RESULT_LABEL[result].toLowerCase()} in ${stage(s)}: ${reason}`,
  whyUnknown: (team, result, s) =>
    `${team} was ${RESULT_LABEL[result].toLowerCase()} in ${stage(s)}, but the stored sources give no reason.`,
  personIntro: (name, role) => `${name}: ${role}.`,
  noPerson: (team, role) =>
    `The stored sources do not say who ${team}'s ${role || 'person in that role'} is.`,
  specNotKnown: (model, what) => `The stored sources do not give ${model}'s ${joinList(what, 'en')}.`,
  quote: (name, text, context, d, paraphrase) =>
    `${capitalize(context)}${d && !/\d{4}/.test(context) ? ` (${date(d)})` : ''}, ${name} said${paraphrase ? ' (paraphrased)' : ''}: “${text}”`,
  term: (term, definition) => `${capitalize(term)}: ${definition.trim().replace(/\.?$/, '.')}`,
  programIntro: (name, aliases, summary) =>
    `${name}${aliases.length ? ` (${aliases.join(', ')})` : ''}: ${summary}`,
  structure: (counts) => `The number of elite teams is narrowed by phase evaluations: ${counts.join(' → ')}.`,
  topicTitle(topic) {
    const titles: Record<string, string> = {
      program: 'Sovereign AI Foundation Model project',
      goal: 'Goal',
      budget: 'Budget',
      support: 'Support',
      gpu: 'GPU support',
      data: 'Data support',
      talent: 'Talent support',
      structure: 'Structure',
      agencies: 'Who runs it',
      schedule: 'Schedule',
      scoring: 'Evaluation criteria',
      evaluation: 'Evaluation',
      originality: 'Originality rule',
      retender: 'Additional call',
      name: 'Name',
      history: 'Background',
      'open-source': 'Open source',
      title: 'The K-AI title',
      epoch: 'Epoch AI listing',
      'related-program': 'Related programme',
      policy: 'Policy background',
    }
    return titles[topic] ?? topic
  },
  conflictIntro: (q) => `Sources disagree — ${q}`,
  conflictSide: (text, by) => `• ${text} (${by})`,
  released: (model, d) => `${model} was released on ${date(d)}.`,
  event: (title, d, end, scheduled) =>
    `${date(d)}${end ? ` – ${date(end)}` : ''}: ${title}${scheduled ? ' (planned)' : ''}`,
  timelineTitle: 'Timeline',
  searchIntro: 'The closest record to your question:',
  noAnswer: 'Sorry, I found nothing in the stored sources that answers this question.',
  notInSources: (words) =>
    `Sorry, the stored sources say nothing about ${words.map((w) => `"${w}"`).join(', ')}, so I cannot answer this.`,
  outOfScope:
    "Sorry, that is outside what I cover (Korea's Sovereign AI Foundation Model project, K-AI), so I can't answer it.",
  emptyQuestion: "The question is empty. Ask me about Korea's Sovereign AI Foundation Model project.",
  tooLong: (max) => `The question is too long. Please keep it under ${max} characters.`,
  unknownTeam: (name) => `I found no team called “${name}”.`,
  unknownTerm: 'That term is not in the stored glossary.',
  capabilities:
    'I can answer: results by phase (advanced, eliminated, added), teams, models and consortium members, why a team was eliminated, dates, budget and GPU/data support, evaluation criteria, terms, and what officials said.',
  helpTitle: 'kai-bot help',
  help: [
    "I answer from stored, sourced facts about Korea's Sovereign AI Foundation Model project (K-AI, 독파모). Every answer names its sources and the date it is current as of.",
    'Try: “Who advanced in the first round?”, “Why was Naver Cloud eliminated?”, “What model does Upstage have?”, “When are the final two chosen?”, “What is an elite team?”, “How big is the budget?”',
  ],
  sourceLabel: (publisher, d) => (d ? `${publisher}, ${d}` : publisher),
  labels: {
    sources: 'Sources',
    asOf: 'As of',
    status: 'Status',
    model: 'Model',
    members: 'Members',
    goal: 'Goal',
    scores: 'Scores',
    events: 'Timeline',
    people: 'People',
    scheduled: 'Planned',
    conflict: 'Sources disagree',
    teams: 'Teams',
  },
  suggestions: {
    results: [
      'Who advanced in the first round?',
      'Why was Naver Cloud eliminated?',
      'When is the second evaluation?',
    ],
    team: (team) => [
      `What model does ${team} have?`,
      `Who is in ${team}'s consortium?`,
      `What did ${team} score?`,
    ],
    general: ['Which teams are still in?', 'When are the final two chosen?', 'How big is the budget?'],
  },
}
