import type { Person, Quote } from '../../corpus/schema.js'
import { abstain, type Draft } from '../draft.js'
import { ROLE_GROUPS } from '../lexicon.js'
import type { ComposeInput } from './shared.js'

function quoteText(q: Quote, lang: 'ko' | 'en'): string {
  return q.lang === lang ? q.text : (q.translation?.[lang] ?? q.text)
}

/** The role groups a question names ("NC AI 대표" → the 대표/CEO group); "vice minister" is not the minister. */
function rolesIn(text: string): RegExp[] {
  const named = ROLE_GROUPS.filter((re) => re.test(text))
  if (named.some((re) => re.source.includes('차관'))) return named.filter((re) => !re.source.includes('장관'))
  return named
}

function holds(person: Person, roles: RegExp[]): boolean {
  const role = `${person.role.ko} ${person.role.en}`.toLowerCase()
  const asksMinister = roles.some((re) => re.source.includes('장관'))
  return roles.some((re) => re.test(role)) && !(asksMinister && /차관|vice/.test(role))
}

/** The role as the person wrote it ("대표", "CEO"), for the reply that nobody holding it is recorded. */
function roleWord(question: string, roles: RegExp[]): string {
  const lower = question.toLowerCase()
  for (const re of roles) {
    const m = re.exec(lower)
    if (m) return question.slice(m.index, m.index + m[0].length)
  }
  return ''
}

/** Who a person is and what they said: the quotes the question cites first, else the newest three. */
export function composePeople(input: ComposeInput): Draft {
  const { k, route, t, question } = input
  if (route.quoteIds.length > 0) return quotedWords(input)
  const roles = rolesIn(question.toLowerCase())
  let people: Person[] = route.personIds.map((id) => k.person(id)).filter((p): p is Person => p !== undefined)
  const teamId = route.teamIds[0]
  if (people.length === 0 && teamId) {
    people = k.corpus.people.filter((p) => p.team === teamId)
    // "NC AI 대표가 누구야": only the holder of the asked role answers it; nobody else stands in.
    if (roles.length > 0) {
      people = people.filter((p) => holds(p, roles))
      if (people.length === 0) {
        const name = k.teamName(teamId, t.lang)
        return { ...abstain(t, 'people', t.noPerson(name, roleWord(question, roles))), teamId }
      }
    }
  }
  if (people.length === 0 && route.organizationIds.length > 0) {
    const ofOrg = k.corpus.people.filter(
      (p) => p.organization && route.organizationIds.includes(p.organization),
    )
    people = roles.length > 0 ? ofOrg.filter((p) => holds(p, roles)) : ofOrg
  }
  if (people.length === 0 && roles.length > 0) people = k.corpus.people.filter((p) => holds(p, roles))
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

/** "'모두가 승자'라고 누가 말했어?": each cited quote with its speaker, when and where it was said, and its source. */
function quotedWords(input: ComposeInput): Draft {
  const { k, route, t } = input
  const cited = route.quoteIds
    .map((id) => {
      const person = k.corpus.people.find((p) => p.quotes.some((q) => q.id === id))
      const quote = person?.quotes.find((q) => q.id === id)
      return person && quote ? { person, quote } : undefined
    })
    .filter((x) => x !== undefined)
    .slice(0, 3)
  if (cited.length === 0) return abstain(t, 'people', t.noAnswer)
  const paragraphs: string[] = []
  const introduced = new Set<string>()
  for (const { person, quote } of cited) {
    const name = person.name[t.lang]
    if (!introduced.has(person.id)) paragraphs.push(t.personIntro(name, person.role[t.lang]))
    introduced.add(person.id)
    paragraphs.push(
      t.quote(name, quoteText(quote, t.lang), quote.context[t.lang], quote.date, quote.paraphrase),
    )
  }
  const first = cited[0]!.person
  return {
    intent: 'people',
    answered: true,
    title: cited
      .map((c) => c.person.name[t.lang])
      .filter((n, i, all) => all.indexOf(n) === i)
      .join(', '),
    paragraphs,
    sources: cited.flatMap((c) => c.quote.sources),
    dates: cited.map((c) => c.quote.date),
    ...(introduced.size === 1 && first.team && { teamId: first.team }),
    suggestions: t.suggestions.general,
  }
}
