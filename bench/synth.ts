/**
 * Deterministic synthetic corpora in the real corpus schema, at any size, for `npm run bench`.
 *
 * Ideas from the research bench (../shared/research/korean-search-bench/synth.ts): a seeded LCG so
 * every run sees the same text, ~300-character passages, and vocabulary pools that grow with the corpus
 * (Heaps-like) sampled with a Zipf-ish skew, so 100k passages do not share a tiny vocabulary and the
 * index size stays realistic. Unlike the research bench, this builds a whole `Corpus` (teams with
 * aliases, a timeline with outcomes, facts with sources, people with quotes, a glossary, and documents
 * with paragraphs) so the bench measures the real answer path, not a bare MiniSearch.
 */
import { createHash } from 'node:crypto'
import type {
  Fact,
  FactTopic,
  Organization,
  Person,
  Source,
  Team,
  Term,
  TimelineEvent,
} from '../src/core/corpus/schema.js'
import type { Corpus, CorpusDocument } from '../src/core/corpus/types.js'

/** A seeded uniform [0, 1) generator (LCG, Numerical Recipes constants). */
export type Random = () => number

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Helpers over one random stream; every draw advances it, so call order is part of the output. */
export interface Draw {
  random: Random
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** Skewed to the front of the list: a few items are common, most are rare (as words and names are). */
  zipf<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export function createDraw(seed: number): Draw {
  const random = createRandom(seed)
  return {
    random,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    pick: (items) => items[Math.floor(random() * items.length)]!,
    zipf: (items) => items[Math.floor(random() * random() * items.length)]!,
    chance: (p) => random() < p,
  }
}

// ---------------------------------------------------------------- names and words

/** Hangul syllables with a romanisation, so a made-up Korean name has a matching English one. */
const SYLLABLES: ReadonlyArray<readonly [string, string]> = [
  ['한', 'han'], ['빛', 'bit'], ['누', 'nu'], ['리', 'ri'], ['다', 'da'], ['온', 'on'], ['미', 'mi'],
  ['래', 'rae'], ['새', 'sae'], ['별', 'byeol'], ['솔', 'sol'], ['하', 'ha'], ['늘', 'neul'], ['바', 'ba'],
  ['람', 'ram'], ['그', 'geu'], ['린', 'rin'], ['나', 'na'], ['무', 'mu'], ['가', 'ga'], ['도', 'do'],
  ['윤', 'yun'], ['서', 'seo'], ['준', 'jun'], ['지', 'ji'], ['호', 'ho'], ['민', 'min'], ['수', 'su'],
  ['연', 'yeon'], ['채', 'chae'], ['은', 'eun'], ['태', 'tae'], ['현', 'hyeon'], ['우', 'u'], ['진', 'jin'],
  ['성', 'seong'], ['경', 'gyeong'], ['재', 'jae'], ['영', 'yeong'], ['아', 'a'], ['라', 'ra'], ['마', 'ma'],
  ['사', 'sa'], ['자', 'ja'], ['차', 'cha'], ['타', 'ta'], ['파', 'pa'], ['고', 'go'], ['로', 'ro'],
  ['모', 'mo'], ['보', 'bo'], ['소', 'so'], ['오', 'o'], ['조', 'jo'], ['코', 'ko'], ['토', 'to'],
  ['구', 'gu'], ['두', 'du'], ['루', 'ru'], ['부', 'bu'], ['주', 'ju'], ['기', 'gi'], ['니', 'ni'],
  ['디', 'di'], ['비', 'bi'], ['시', 'si'], ['이', 'i'], ['치', 'chi'], ['강', 'gang'], ['남', 'nam'],
  ['상', 'sang'], ['장', 'jang'], ['청', 'cheong'], ['명', 'myeong'], ['정', 'jeong'], ['국', 'guk'],
  ['산', 'san'], ['만', 'man'], ['반', 'ban'], ['단', 'dan'], ['안', 'an'], ['찬', 'chan'], ['인', 'in'],
  ['신', 'sin'], ['원', 'won'], ['운', 'un'], ['문', 'mun'], ['순', 'sun'], ['훈', 'hun'], ['혜', 'hye'],
  ['예', 'ye'], ['세', 'se'], ['제', 'je'], ['레', 're'], ['메', 'me'], ['해', 'hae'], ['내', 'nae'],
] // biome-ignore format: a table

const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['김', 'Kim'], ['이', 'Lee'], ['박', 'Park'], ['최', 'Choi'], ['정', 'Jung'], ['강', 'Kang'], ['조', 'Cho'],
  ['윤', 'Yoon'], ['장', 'Jang'], ['임', 'Lim'], ['한', 'Han'], ['오', 'Oh'], ['서', 'Seo'], ['신', 'Shin'],
  ['권', 'Kwon'], ['황', 'Hwang'], ['안', 'Ahn'], ['송', 'Song'], ['류', 'Ryu'], ['홍', 'Hong'],
] // biome-ignore format: a table

const COMPANY_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['테크', 'Tech'], ['랩스', 'Labs'], ['AI', 'AI'], ['소프트', 'Soft'], ['데이터', 'Data'], ['시스템즈', 'Systems'],
  ['클라우드', 'Cloud'], ['네트웍스', 'Networks'], ['로보틱스', 'Robotics'], ['인텔리전스', 'Intelligence'],
] // biome-ignore format: a table

/** Domain nouns the real corpus uses, in both languages: the common part of the vocabulary. */
const DOMAIN_NOUNS: ReadonlyArray<readonly [string, string]> = [
  ['데이터', 'data'], ['반도체', 'semiconductor'], ['모델', 'model'], ['학습', 'training'], ['추론', 'inference'],
  ['멀티모달', 'multimodal'], ['에이전트', 'agent'], ['평가', 'evaluation'], ['벤치마크', 'benchmark'],
  ['오픈소스', 'open source'], ['라이선스', 'license'], ['생태계', 'ecosystem'], ['인재', 'talent'], ['예산', 'budget'],
  ['클러스터', 'cluster'], ['독자성', 'originality'], ['파운데이션', 'foundation'], ['정예팀', 'elite team'],
  ['컨소시엄', 'consortium'], ['매개변수', 'parameter'], ['토크나이저', 'tokenizer'], ['한국어', 'Korean language'],
  ['공공', 'public sector'], ['제조', 'manufacturing'], ['의료', 'healthcare'], ['금융', 'finance'], ['국방', 'defense'],
  ['교육', 'education'], ['보안', 'security'], ['저작권', 'copyright'], ['가중치', 'weights'], ['사전학습', 'pretraining'],
  ['미세조정', 'fine-tuning'], ['강화학습', 'reinforcement learning'], ['검색증강', 'retrieval augmentation'],
  ['스타트업', 'startup'], ['대기업', 'conglomerate'], ['대학', 'university'], ['연구소', 'research institute'],
] // biome-ignore format: a table

const PARTICLE_PAIRS = {
  topic: ['은', '는'],
  subject: ['이', '가'],
  object: ['을', '를'],
  with: ['과', '와'],
} as const

/** Korean particle after `word`: the first form after a final consonant (받침), else the second. */
export function particle(word: string, kind: keyof typeof PARTICLE_PAIRS): string {
  const last = word.charCodeAt(word.length - 1)
  const hangul = last >= 0xac00 && last <= 0xd7a3
  const batchim = hangul ? (last - 0xac00) % 28 !== 0 : /[lmnr0136789]$/i.test(word)
  const [withBatchim, without] = PARTICLE_PAIRS[kind]
  return batchim ? withBatchim : without
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

interface Name {
  ko: string
  en: string
}

/** Allocates names that no other entity uses (the corpus check rejects a name shared by two entities). */
class NameBook {
  private readonly used = new Set<string>()

  claim(name: string): boolean {
    const key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
    if (this.used.has(key)) return false
    this.used.add(key)
    return true
  }

  /** Draws until `make` gives a name whose ko and en forms are both unused. */
  unique(make: () => Name): Name {
    for (;;) {
      const name = make()
      const koKey = name.ko.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
      const enKey = name.en.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
      if (koKey === enKey || this.used.has(koKey) || this.used.has(enKey)) continue
      this.used.add(koKey)
      this.used.add(enKey)
      return name
    }
  }
}

function syllableWord(draw: Draw, min: number, max: number): Name {
  const n = draw.int(min, max)
  let ko = ''
  let en = ''
  for (let i = 0; i < n; i++) {
    const [k, e] = draw.pick(SYLLABLES)
    ko += k
    en += e
  }
  return { ko, en }
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

// ---------------------------------------------------------------- sentence templates

interface Slots {
  team: Name
  team2: Name
  person: Name
  org: Name
  model: string
  noun: Name
  noun2: Name
  word: Name
  num: number
  phase: number
  /** A reporting verb (밝혔다, 강조했다 / said, stressed), so sentence endings vary as in real coverage. */
  said: Name
}

const SAID: readonly Name[] = [
  { ko: '밝혔다', en: 'said' },
  { ko: '말했다', en: 'noted' },
  { ko: '설명했다', en: 'explained' },
  { ko: '강조했다', en: 'stressed' },
  { ko: '전했다', en: 'reported' },
  { ko: '덧붙였다', en: 'added' },
  { ko: '내다봤다', en: 'predicted' },
  { ko: '지적했다', en: 'pointed out' },
]

/** Korean sentences in the register of the program's news coverage. */
const KO_TEMPLATES: ReadonlyArray<(s: Slots) => string> = [
  (s) => `${s.team.ko}${particle(s.team.ko, 'topic')} ${s.phase}차 평가를 앞두고 ${s.noun.ko} 분야 성능을 끌어올렸다고 밝혔다.`,
  (s) => `${s.person.ko} 대표는 "${s.noun.ko}${particle(s.noun.ko, 'with')} ${s.noun2.ko}${particle(s.noun2.ko, 'object')} 함께 키우겠다"고 말했다.`,
  (s) => `업계에서는 ${s.team.ko}${particle(s.team.ko, 'with')} ${s.team2.ko}의 ${s.noun.ko} 경쟁이 본격화했다는 평가가 나온다.`,
  (s) => `${s.org.ko}${particle(s.org.ko, 'topic')} ${s.word.ko} ${s.noun.ko} ${s.num}만 건을 정예팀에 제공하기로 했다.`,
  (s) => `GPU ${s.num}장 지원을 두고 ${s.noun.ko}${particle(s.noun.ko, 'with')} ${s.word.ko} 문제를 함께 다루자는 논의가 이어졌다.`,
  (s) => `${s.model}${particle(s.model, 'topic')} ${s.noun.ko} 벤치마크에서 ${s.num % 100}점을 기록했다.`,
  (s) => `과기정통부는 ${s.phase}차 평가에서 ${s.noun.ko}${particle(s.noun.ko, 'with')} ${s.noun2.ko} 항목의 비중을 높이겠다고 설명했다.`,
  (s) => `${s.team.ko} 컨소시엄에는 ${s.org.ko} 등 ${s.num % 20 + 2}개 기관이 참여한다.`,
  (s) => `관계자는 ${s.word.ko} ${s.noun.ko} 문제를 ${s.noun2.ko} 차원에서 다루겠다고 말했다.`,
  (s) => `${s.person.ko} 교수는 ${s.team.ko}의 ${s.noun.ko} 전략이 ${s.word.ko} 시장에서 통할지 지켜봐야 한다고 평가했다.`,
  (s) => `${s.noun.ko}, ${s.noun2.ko}, ${s.word.ko} 등의 과제가 새로 추가됐다.`,
  (s) => `${s.team2.ko}${particle(s.team2.ko, 'topic')} ${s.model} 가중치를 ${s.noun.ko} 라이선스로 공개했다.`,
  (s) => `${s.team.ko} 측은 ${s.word.ko} ${s.noun.ko} 실험 결과를 다음 달 공개할 예정이라고 ${s.said.ko}.`,
  (s) => `${s.org.ko} 연구진은 ${s.noun.ko} 데이터셋 ${s.num}종을 새로 구축했다고 ${s.said.ko}.`,
  (s) => `전문가들은 ${s.noun.ko}보다 ${s.noun2.ko}${particle(s.noun2.ko, 'subject')} 더 시급하다고 ${s.said.ko}.`,
  (s) => `${s.model}의 ${s.word.ko} 버전은 ${s.num}억 개 매개변수로 구성된다.`,
  (s) => `${s.person.ko} 연구원은 ${s.word.ko} 방식이 ${s.noun.ko} 효율을 ${s.num % 50 + 5}% 높였다고 ${s.said.ko}.`,
  (s) => `정부는 ${s.word.ko} 사업과 연계해 ${s.noun.ko} 인프라를 확충하기로 했다.`,
  (s) => `${s.team.ko}${particle(s.team.ko, 'topic')} ${s.org.ko}${particle(s.org.ko, 'with')} ${s.word.ko} 협약을 맺었다.`,
  (s) => `이번 발표로 ${s.noun.ko} 시장의 ${s.word.ko} 경쟁 구도가 바뀔 수 있다는 관측이 나온다.`,
  (s) => `${s.team2.ko} 관계자는 ${s.word.ko}${particle(s.word.ko, 'subject')} 핵심 과제라고 ${s.said.ko}.`,
  (s) => `${s.phase}차 심사에는 ${s.noun.ko} 분야 외부 위원 ${s.num % 30 + 3}명이 참여한다.`,
  (s) => `${s.word.ko} 규제를 둘러싼 ${s.noun2.ko} 논쟁은 당분간 이어질 전망이다.`,
  (s) => `${s.person.ko} 대표는 ${s.noun.ko} 투자를 ${s.num}억 원 규모로 늘리겠다고 ${s.said.ko}.`,
] // biome-ignore format: one template per line

/** English sentences in the register of the English-language coverage. */
const EN_TEMPLATES: ReadonlyArray<(s: Slots) => string> = [
  (s) => `${s.team.en} said it had improved its ${s.noun.en} performance ahead of the phase-${s.phase} evaluation.`,
  (s) => `"We will grow ${s.noun.en} and ${s.noun2.en} together," said ${s.person.en}, who leads the ${s.word.en} effort.`,
  (s) => `Analysts see the ${s.noun.en} race between ${s.team.en} and ${s.team2.en} heating up.`,
  (s) => `${s.org.en} will give the elite teams ${s.num} thousand ${s.word.en} ${s.noun.en} records.`,
  (s) => `The support of ${s.num} GPUs prompted a debate on ${s.noun.en} and ${s.word.en}.`,
  (s) => `${s.model} scored ${s.num % 100} points on the ${s.noun.en} benchmark.`,
  (s) => `MSIT said the phase-${s.phase} evaluation would weigh ${s.noun.en} and ${s.noun2.en} more heavily.`,
  (s) => `The ${s.team.en} consortium includes ${s.org.en} and ${s.num % 20 + 2} other organizations.`,
  (s) => `An official said the ${s.word.en} ${s.noun.en} issue would be handled as a matter of ${s.noun2.en}.`,
  (s) => `Professor ${s.person.en} said it remains to be seen whether the ${s.noun.en} strategy of ${s.team.en} works.`,
  (s) => `New tasks such as ${s.noun.en}, ${s.noun2.en} and ${s.word.en} were added.`,
  (s) => `${s.team2.en} released the ${s.model} weights under a ${s.noun.en} license.`,
  (s) => `${s.team.en} ${s.said.en} it would publish its ${s.word.en} ${s.noun.en} results next month.`,
  (s) => `Researchers at ${s.org.en} built ${s.num} new ${s.noun.en} datasets, the institute ${s.said.en}.`,
  (s) => `Experts ${s.said.en} that ${s.noun2.en} is more urgent than ${s.noun.en}.`,
  (s) => `The ${s.word.en} version of ${s.model} has ${s.num} hundred million parameters.`,
  (s) => `${s.person.en} ${s.said.en} the ${s.word.en} method raised ${s.noun.en} efficiency by ${s.num % 50 + 5} percent.`,
  (s) => `The government will expand ${s.noun.en} infrastructure together with the ${s.word.en} program.`,
  (s) => `${s.team.en} signed a ${s.word.en} agreement with ${s.org.en}.`,
  (s) => `Observers expect the announcement to reshape ${s.word.en} competition in the ${s.noun.en} market.`,
  (s) => `An official at ${s.team2.en} ${s.said.en} that ${s.word.en} is the key task.`,
  (s) => `${s.num % 30 + 3} outside reviewers from the ${s.noun.en} field join the phase-${s.phase} review.`,
  (s) => `The ${s.noun2.en} debate over ${s.word.en} rules is expected to continue.`,
  (s) => `${s.person.en} ${s.said.en} the company would raise its ${s.noun.en} investment to ${s.num} hundred million won.`,
] // biome-ignore format: one template per line

// ---------------------------------------------------------------- the corpus

/** Sizes and pools of one synthetic corpus, exposed so the question generator can draw from them. */
export interface SynthWorld {
  corpus: Corpus
  /** Words only the synthetic text uses (vocabulary growth); questions draw on them too. */
  words: Name[]
}

const FACT_TOPICS: readonly FactTopic[] = [
  'goal',
  'policy',
  'support',
  'budget',
  'gpu',
  'data',
  'talent',
  'schedule',
]
const DAY_MS = 86_400_000
const EPOCH = Date.UTC(2025, 5, 1)
const dayString = (offset: number) => new Date(EPOCH + offset * DAY_MS).toISOString().slice(0, 10)

/**
 * How many passages `buildPassages` makes from everything but document paragraphs, so documents can
 * fill the corpus up to the requested size. Injected: the bench passes the real `buildPassages`.
 */
export type PassageCounter = (corpus: Corpus) => number

/**
 * A deterministic corpus with about `passages` passages. Structured data grows slowly with the size
 * (teams, people, glossary, timeline) and document paragraphs make up the rest, as when operators load
 * every article about the program. Same `passages` and `seed` → the same corpus, byte for byte.
 */
export function makeCorpus(
  passages: number,
  options: { seed?: number; countPassages?: PassageCounter } = {},
): SynthWorld {
  const draw = createDraw(options.seed ?? 7)
  const names = new NameBook()
  const scale = Math.max(1, passages / 1000)

  const wordCount = Math.max(800, Math.round(60 * Math.sqrt(passages)))
  const words: Name[] = []
  const seenWords = new Set<string>()
  while (words.length < wordCount) {
    const w = syllableWord(draw, 2, 4)
    if (seenWords.has(w.ko)) continue
    seenWords.add(w.ko)
    words.push(w)
  }
  const nouns: Name[] = DOMAIN_NOUNS.map(([ko, en]) => ({ ko, en }))

  // sources: cited round-robin so that every one is cited (the corpus check rejects uncited sources)
  const sourceCount = Math.max(20, Math.round(passages / 40))
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => {
    const date = dayString(draw.int(0, 540))
    const lang = draw.chance(0.7) ? 'ko' : 'en'
    return {
      id: `src-${i + 1}`,
      title:
        lang === 'ko'
          ? `${draw.zipf(words).ko} ${draw.pick(nouns).ko} 보도 ${i + 1}`
          : `Report ${i + 1} on ${draw.pick(nouns).en}`,
      publisher: draw.pick([
        '연합뉴스',
        '전자신문',
        'ZDNet Korea',
        'The Korea Herald',
        '과학기술정보통신부',
        '동아일보',
      ]),
      url: `https://news.example.org/${date}/${i + 1}`,
      date,
      date_basis: 'shown',
      language: lang,
      kind: draw.pick(['official', 'press', 'press', 'secondary'] as const),
    }
  })
  let nextSource = 0
  const cite = (n = 1): string[] => {
    const out = new Set<string>()
    for (let i = 0; i < n; i++) out.add(sources[nextSource++ % sources.length]!.id)
    return [...out]
  }

  // organizations: the ministry and agency are real; the rest are made up
  const organizations: Organization[] = [
    {
      id: 'msit',
      name: { ko: '과학기술정보통신부', en: 'Ministry of Science and ICT' },
      aliases: ['과기정통부', 'MSIT'],
      kind: 'ministry',
      sources: cite(),
    },
    {
      id: 'nipa',
      name: { ko: '정보통신산업진흥원', en: 'National IT Industry Promotion Agency' },
      aliases: ['NIPA'],
      kind: 'agency',
      sources: cite(),
    },
  ]
  for (const org of organizations) for (const n of [org.name.ko, org.name.en, ...org.aliases]) names.claim(n)
  const orgCount = Math.max(10, Math.round(8 * Math.sqrt(scale)))
  for (let i = 0; i < orgCount; i++) {
    const suffix = draw.pick(COMPANY_SUFFIXES)
    const name = names.unique(() => {
      const base = syllableWord(draw, 2, 3)
      return { ko: `${base.ko}${suffix[0]}`, en: `${capitalize(base.en)} ${suffix[1]}` }
    })
    organizations.push({ id: `org-${slug(name.en)}`, name, aliases: [], kind: 'company', sources: cite() })
  }

  const program = {
    id: 'k-ai',
    name: { ko: '독자 AI 파운데이션 모델 프로젝트', en: 'Sovereign AI Foundation Model Project' },
    aliases: ['독파모', 'K-AI', '국가대표 AI'],
    ministry: 'msit',
    agencies: ['nipa'],
    summary: {
      ko: '과기정통부가 정예팀을 뽑아 단계별 평가로 줄여 가며 국가대표 AI 모델을 키우는 사업이다.',
      en: 'An MSIT program that picks elite teams and narrows them through staged evaluations to build a national AI model.',
    },
    structure: [5, 4, 3, 2],
    sources: cite(),
  }
  for (const n of [program.name.ko, program.name.en, ...program.aliases]) names.claim(n)

  // teams: the five selected become elite; phase 1 eliminates one
  const teamCount = Math.min(40, 10 + Math.round(Math.sqrt(passages) / 10))
  const teams: Team[] = []
  for (let i = 0; i < teamCount; i++) {
    const suffix = draw.pick(COMPANY_SUFFIXES)
    const name = names.unique(() => {
      const b = syllableWord(draw, 2, 3)
      return { ko: `${b.ko}${suffix[0]}`, en: `${capitalize(b.en)} ${suffix[1]}` }
    })
    const short = name.ko.slice(0, 2)
    const aliases = [short, `${name.ko} 컨소시엄`, name.en.split(' ')[0]!.toUpperCase()].filter((a) =>
      names.claim(a),
    )
    const modelName = names.unique(() => {
      const w = syllableWord(draw, 1, 2)
      const v = draw.int(1, 9)
      return { ko: `${w.ko}-${v}`, en: `${capitalize(w.en)}-${v}` }
    })
    const id = slug(name.en)
    const params = draw.int(7, 500)
    teams.push({
      id,
      name,
      aliases,
      lead: name,
      role: i < 5 ? 'elite' : 'applicant',
      members: Array.from({ length: draw.int(1, 3) }, () => {
        const org = draw.pick(organizations.slice(2))
        return { name: org.name, sources: cite() }
      }),
      facts: Array.from({ length: draw.int(1, 3) }, (_, k) => {
        const noun = draw.pick(nouns)
        return {
          id: `${id}-fact-${k + 1}`,
          topic: k === 0 ? 'goal-team' : 'profile',
          ko: `${noun.ko} 분야에 강점이 있는 ${draw.zipf(words).ko} 모델을 목표로 한다.`,
          en: `Aims for a ${draw.zipf(words).en} model with strength in ${noun.en}.`,
          sources: cite(),
          certainty: 'confirmed',
          teams: [],
        }
      }),
      models: [
        {
          id: `${id}-model`,
          name: modelName.en,
          aliases: names.claim(modelName.ko) ? [modelName.ko] : [],
          released: dayString(draw.int(120, 400)),
          specs: {
            architecture: draw.pick(['Mixture-of-Experts', 'Dense Transformer']),
            total_params: `${params}B`,
          },
          sources: cite(),
          facts: [],
        },
      ],
      sources: cite(),
    })
  }

  // timeline: applications → selection (5) → phase 1 (one eliminated) → phase 2 scheduled
  const elite = teams.slice(0, 5)
  const eliminated = elite[draw.int(0, 4)]!
  const advancedKo = elite
    .filter((t) => t !== eliminated)
    .map((t) => t.name.ko)
    .join(', ')
  const events: TimelineEvent[] = [
    {
      id: 'call-2025',
      date: '2025-06-20',
      end_date: '2025-07-21',
      kind: 'call',
      phase: 0,
      status: 'happened',
      title: { ko: '정예팀 공모', en: 'Call for elite teams' },
      summary: { ko: '과기정통부가 정예팀 공모를 시작했다.', en: 'MSIT opened the call for elite teams.' },
      outcomes: [],
      facts: [],
      sources: cite(),
      certainty: 'confirmed',
    },
    {
      id: 'applications-2025',
      date: '2025-07-21',
      kind: 'applications',
      phase: 0,
      status: 'happened',
      title: { ko: `${teamCount}개 컨소시엄 신청`, en: `${teamCount} consortia apply` },
      summary: {
        ko: `${teamCount}개 컨소시엄이 공모에 신청했다.`,
        en: `${teamCount} consortia applied to the call.`,
      },
      outcomes: teams.map((t) => ({ team: t.id, result: 'applied' as const })),
      facts: [],
      sources: cite(),
      certainty: 'confirmed',
    },
    {
      id: 'selection-2025',
      date: '2025-08-04',
      kind: 'selection',
      phase: 0,
      status: 'happened',
      title: { ko: '정예팀 5개 선정', en: 'Five elite teams selected' },
      summary: {
        ko: '발표 평가를 거쳐 정예팀 5개가 선정됐다.',
        en: 'Five elite teams were selected after presentations.',
      },
      outcomes: teams.map((t, i) => ({
        team: t.id,
        result: i < 5 ? ('selected' as const) : ('not-selected' as const),
      })),
      facts: [],
      sources: cite(),
      certainty: 'confirmed',
    },
    {
      id: 'phase1-results',
      date: '2026-01-15',
      kind: 'evaluation',
      phase: 1,
      status: 'happened',
      title: { ko: '1차 평가 결과 발표', en: 'Phase-1 evaluation results' },
      summary: {
        ko: `${advancedKo}${particle(advancedKo, 'subject')} 2차로 진출하고 ${eliminated.name.ko}${particle(eliminated.name.ko, 'topic')} 탈락했다.`,
        en: `${elite
          .filter((t) => t !== eliminated)
          .map((t) => t.name.en)
          .join(', ')} advanced; ${eliminated.name.en} was eliminated.`,
      },
      score_max: { total: 100, benchmark: 40, expert: 35, user: 25 },
      outcomes: elite.map((t) => {
        const out = t === eliminated
        return {
          team: t.id,
          result: out ? ('eliminated' as const) : ('advanced' as const),
          scores: {
            total: draw.int(600, 950) / 10,
            benchmark: draw.int(200, 400) / 10,
            expert: draw.int(200, 350) / 10,
          },
          ...(out
            ? {
                reason: {
                  ko: `${draw.pick(nouns).ko} 기준에서 독자성이 부족하다고 평가받았다.`,
                  en: `Judged to lack originality on the ${draw.pick(nouns).en} criterion.`,
                },
              }
            : {}),
        }
      }),
      facts: [
        {
          id: 'phase1-average',
          topic: 'scoring',
          ko: `1차 평가 평균 점수는 ${draw.int(700, 900) / 10}점이었다.`,
          en: `The phase-1 average score was ${draw.int(700, 900) / 10}.`,
          sources: cite(),
          certainty: 'confirmed',
          teams: [],
        },
      ],
      sources: cite(),
      certainty: 'confirmed',
    },
    {
      id: 'phase2-evaluation',
      date: '2026-07',
      kind: 'scheduled',
      phase: 2,
      status: 'scheduled',
      title: { ko: '2차 평가', en: 'Phase-2 evaluation' },
      summary: { ko: '2차 평가가 예정돼 있다.', en: 'The phase-2 evaluation is scheduled.' },
      outcomes: elite
        .filter((t) => t !== eliminated)
        .map((t) => ({ team: t.id, result: 'pending' as const })),
      facts: [],
      sources: cite(),
      certainty: 'confirmed',
    },
  ]
  const announcementCount = Math.round(10 * scale ** 0.7)
  for (let i = 0; i < announcementCount; i++) {
    const noun = draw.pick(nouns)
    const word = draw.zipf(words)
    events.push({
      id: `announcement-${i + 1}`,
      date: dayString(draw.int(30, 500)),
      kind: 'announcement',
      status: 'happened',
      title: { ko: `${word.ko} ${noun.ko} 발표`, en: `${capitalize(word.en)} ${noun.en} announcement` },
      summary: {
        ko: `과기정통부가 ${word.ko} ${noun.ko} 계획을 발표했다.`,
        en: `MSIT announced the ${word.en} ${noun.en} plan.`,
      },
      outcomes: [],
      facts: [],
      sources: cite(),
      certainty: 'confirmed',
    })
  }

  // people and quotes
  const personCount = Math.max(10, Math.round(15 * scale ** 0.7))
  const people: Person[] = []
  for (let i = 0; i < personCount; i++) {
    const name = names.unique(() => {
      const [sk, se] = draw.pick(SURNAMES)
      const given = syllableWord(draw, 2, 2)
      return { ko: `${sk}${given.ko}`, en: `${capitalize(given.en)} ${se}` }
    })
    const team = draw.chance(0.6) ? draw.pick(teams) : undefined
    const id = `person-${slug(name.en)}`
    people.push({
      id,
      name,
      aliases: [],
      role: team ? { ko: '대표', en: 'chief executive' } : { ko: '교수', en: 'professor' },
      ...(team ? { team: team.id } : {}),
      quotes: Array.from({ length: draw.int(1, 2) }, (_, k) => {
        const noun = draw.pick(nouns)
        const word = draw.zipf(words)
        return {
          id: `${id}-quote-${k + 1}`,
          text: `${noun.ko}${particle(noun.ko, 'topic')} ${word.ko}에서 시작해야 한다.`,
          lang: 'ko' as const,
          paraphrase: false,
          translation: {
            ko: `${noun.ko}${particle(noun.ko, 'topic')} ${word.ko}에서 시작해야 한다.`,
            en: `${capitalize(noun.en)} has to start from ${word.en}.`,
          },
          context: { ko: `${noun.ko} 간담회`, en: `${noun.en} meeting` },
          date: dayString(draw.int(30, 500)),
          sources: cite(),
        }
      }),
      sources: cite(),
    })
  }

  // glossary: the domain nouns plus made-up terms
  const terms: Term[] = []
  const termCount = Math.max(15, Math.round(20 * scale ** 0.7))
  for (let i = 0; i < termCount; i++) {
    const term = names.unique(() => {
      const w = syllableWord(draw, 2, 4)
      return {
        ko: `${w.ko}${draw.pick(['학습', '모델', '지표', '평가'])}`,
        en: `${capitalize(w.en)} ${draw.pick(['learning', 'model', 'metric', 'score'])}`,
      }
    })
    const defined = draw.pick(nouns)
    terms.push({
      id: `term-${slug(term.en)}`,
      term,
      aliases: [],
      definition: {
        ko: `${defined.ko}${particle(defined.ko, 'object')} ${draw.zipf(words).ko} 방식으로 다루는 기법.`,
        en: `A technique that handles ${defined.en} the ${draw.zipf(words).en} way.`,
      },
      sources: cite(),
    })
  }

  // program facts
  const facts: Fact[] = []
  const factCount = Math.max(10, Math.round(15 * scale ** 0.7))
  for (let i = 0; i < factCount; i++) {
    const noun = draw.pick(nouns)
    const word = draw.zipf(words)
    const n = draw.int(2, 900)
    facts.push({
      id: `program-fact-${i + 1}`,
      topic: draw.pick(FACT_TOPICS),
      ko: `정부는 정예팀에 ${word.ko} ${noun.ko} 지원으로 ${n}억 원을 배정했다.`,
      en: `The government set aside ${n} hundred million won for ${word.en} ${noun.en} support to the elite teams.`,
      sources: cite(),
      certainty: draw.chance(0.1) ? 'uncertain' : 'confirmed',
      teams: [],
    })
  }

  const corpus: Corpus = {
    dir: `synthetic:${passages}`,
    hash: '',
    program,
    organizations,
    facts,
    conflicts: [
      {
        id: 'final-two-timing',
        topic: 'schedule',
        question: { ko: '최종 2개 팀은 언제 정해지나?', en: 'When are the final two teams chosen?' },
        sides: [
          { ko: '2027년 상반기에 정해진다.', en: 'In the first half of 2027.', sources: cite() },
          { ko: '2026년 말에 정해진다.', en: 'At the end of 2026.', sources: cite() },
        ],
      },
    ],
    sources,
    teams,
    events,
    people,
    terms,
    documents: [],
  }

  // documents fill the rest: ~300-character paragraphs, 70% Korean
  const structured = (options.countPassages ?? estimatePassages)(corpus)
  let remaining = Math.max(0, passages - structured)
  const slots = (): Slots => {
    const team = draw.zipf(teams)
    const model = team.models[0]!.name
    return {
      team: team.name,
      team2: draw.pick(teams).name,
      person: draw.zipf(people).name,
      org: draw.pick(organizations).name,
      model,
      noun: draw.pick(nouns),
      // half the second nouns come from the growing pool: real coverage has a long tail of topics
      noun2: draw.chance(0.5) ? draw.pick(nouns) : draw.zipf(words),
      word: draw.zipf(words),
      num: draw.int(2, 999),
      phase: draw.int(1, 3),
      said: draw.pick(SAID),
    }
  }
  const paragraph = (lang: 'ko' | 'en') => {
    const templates = lang === 'ko' ? KO_TEMPLATES : EN_TEMPLATES
    let text = ''
    while (text.length < 290) text += (text ? ' ' : '') + draw.pick(templates)(slots())
    return text
  }
  let docIndex = 0
  // a document is at least two passages (English summary + a paragraph)
  while (remaining >= 2) {
    docIndex++
    const lang = draw.chance(0.7) ? 'ko' : 'en'
    const docTeams = [...new Set([draw.zipf(teams).id, draw.pick(teams).id])]
    const noun = draw.pick(nouns)
    const word = draw.zipf(words)
    // summaries are passages too (1 or 2 of them)
    const withKoSummary = remaining >= 3 && draw.chance(0.5)
    const summaries = withKoSummary ? 2 : 1
    const paragraphCount = Math.min(remaining - summaries, draw.int(6, 20))
    const paragraphs = Array.from({ length: paragraphCount }, () => paragraph(lang))
    const title =
      lang === 'ko'
        ? `${word.ko} ${noun.ko} 동향 ${docIndex}`
        : `${capitalize(word.en)} ${noun.en} update ${docIndex}`
    const doc: CorpusDocument = {
      id: `doc-${docIndex}`,
      title,
      date: dayString(draw.int(30, 540)),
      language: lang,
      sources: cite(draw.int(1, 2)),
      teams: docTeams,
      summary_en: `Notes on ${word.en} ${noun.en} and what the teams did about it.`,
      ...(withKoSummary ? { summary_ko: `${word.ko} ${noun.ko}에 대한 팀들의 움직임 정리.` } : {}),
      file: `documents/doc-${docIndex}.md`,
      body: paragraphs.join('\n\n'),
      paragraphs,
    }
    corpus.documents.push(doc)
    remaining -= paragraphCount + summaries
  }
  const last = corpus.documents.at(-1)
  if (remaining === 1 && last) {
    last.paragraphs.push(paragraph(last.language))
    last.body = last.paragraphs.join('\n\n')
  }
  corpus.hash = hashCorpus(corpus)
  return { corpus, words }
}

/**
 * Passages `buildPassages` makes from a corpus without documents in its default (split) mode: two per
 * fact, team, model, event, outcome, person, quote, term and conflict, plus the program.
 */
export function estimatePassages(corpus: Corpus): number {
  let n = 1 + corpus.facts.length + corpus.conflicts.length + corpus.terms.length
  for (const team of corpus.teams) {
    n += 1 + team.facts.length
    for (const model of team.models) n += 1 + model.facts.length
  }
  for (const event of corpus.events) n += 1 + event.outcomes.length + event.facts.length
  for (const person of corpus.people) n += 1 + person.quotes.length
  let docs = 0
  for (const doc of corpus.documents) docs += doc.paragraphs.length + (doc.summary_ko ? 2 : 1)
  return 2 * n + docs
}

/** sha256 of the corpus content (what `loadCorpus` hashes are the files; this stands in for them). */
export function hashCorpus(corpus: Corpus): string {
  const { hash: _hash, dir: _dir, ...content } = corpus
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/**
 * The same corpus with one document's text edited (a typo fixed in every paragraph, one paragraph
 * added): what the bench applies as "one changed document".
 */
export function withChangedDocument(corpus: Corpus, index = Math.floor(corpus.documents.length / 2)): Corpus {
  const documents = corpus.documents.slice()
  const doc = documents[index]!
  const paragraphs = [...doc.paragraphs.map((p) => `${p} (정정)`), doc.paragraphs[0]!]
  documents[index] = { ...doc, paragraphs, body: paragraphs.join('\n\n') }
  const changed = { ...corpus, documents }
  return { ...changed, hash: hashCorpus(changed) }
}
