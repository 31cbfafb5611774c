import type { Person, Quote } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import { compact } from '../normalize.js'
import type { ComposeInput } from './shared.js'

const ROLE_WORDS: [RegExp, RegExp][] = [
  [/차관|vice minister/, /차관|vice minister/i],
  [/장관|minister/, /장관|minister/i],
  [/회장|chair/, /회장|chair/i],
  [/대표|ceo/, /대표|ceo/i],
  [/비서관|secretary/, /비서관|secretary/i],
]

function quoteText(q: Quote, lang: 'ko' | 'en'): string {
  return q.lang === lang ? q.text : (q.translation?.[lang] ?? q.text)
}

/** Who a person is and what they said, newest quotes first. */
export function composePeople(input: ComposeInput): Draft {
  const { k, route, t, question } = input
  let people: Person[] = route.personIds.map((id) => k.person(id)).filter((p): p is Person => p !== undefined)
  if (people.length === 0 && route.teamIds[0])
    people = k.corpus.people.filter((p) => p.team === route.teamIds[0])
  if (people.length === 0) {
    const q = compact(question)
    const role = ROLE_WORDS.find(([asked]) => asked.test(q))
    if (role) {
      // "장관" must not also pick the vice minister (차관 is checked first, and 장관 is not in 차관).
      people = k.corpus.people.filter((p) => role[1].test(p.role.ko) || role[1].test(p.role.en))
      if (role[0].source.startsWith('장관'))
        people = people.filter((p) => !/차관|vice/i.test(p.role.ko + p.role.en))
    }
  }
  if (people.length === 0) return abstain(t, 'people', t.noAnswer)
  const person = people[0]!
  const name = person.name[t.lang]
  const quotes = [...person.quotes].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, 3)
  const paragraphs = [t.personIntro(name, person.role[t.lang])]
  for (const q of quotes) {
    paragraphs.push(t.quote(name, quoteText(q, t.lang), q.context[t.lang], q.date, q.paraphrase))
  }
  return {
    intent: 'people',
    answered: true,
    title: name,
    paragraphs,
    sources: [...quotes.flatMap((q) => q.sources), ...person.sources],
    dates: quotes.map((q) => q.date),
    ...(person.team && { teamId: person.team }),
    suggestions: t.suggestions.general,
  }
}
