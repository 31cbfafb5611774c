import { abstain, type Draft } from '../draft.js'
import { composeProgram } from './program.js'
import type { ComposeInput } from './shared.js'

/** A glossary term's definition, or what an organisation is. */
export function composeGlossary(input: ComposeInput): Draft {
  const { k, route, t } = input
  const term = route.termIds.map((id) => k.term(id)).find((x) => x !== undefined)
  if (term) {
    return {
      intent: 'glossary',
      answered: true,
      title: term.term[t.lang],
      paragraphs: [t.term(term.term[t.lang], term.definition[t.lang])],
      sources: term.sources,
      suggestions: t.suggestions.general,
    }
  }
  const org = route.organizationIds.map((id) => k.organization(id)).find((x) => x !== undefined)
  if (org) {
    const other = t.lang === 'ko' ? org.name.en : org.name.ko
    const definition = org.description?.[t.lang] ?? `${org.name[t.lang]} (${other})`
    return {
      intent: 'glossary',
      answered: true,
      title: org.name[t.lang],
      paragraphs: [t.term(org.name[t.lang], definition)],
      sources: org.sources,
      suggestions: t.suggestions.general,
    }
  }
  if (route.programMentioned) return { ...composeProgram(input), intent: 'glossary' }
  return abstain(t, 'glossary', t.unknownTerm)
}
