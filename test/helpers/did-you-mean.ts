import type { KaiCore } from '../../src/core/index.js'

/**
 * Until the answer engine fills `Answer.didYouMean` itself (issue 11, engine part), adapter tests need an
 * abstention that offers questions. This wraps the real core's `ask` so that an abstention without
 * did-you-mean questions offers its own follow-up suggestions that the same core really answers — the
 * questions and every answer still come from the real core over the fixture corpus. Answers that already
 * carry `didYouMean` pass through unchanged, so the tests keep working once the engine lands.
 */
export function offerSuggestionsOnAbstain(core: KaiCore): void {
  const ask = core.ask.bind(core)
  core.ask = (question, options) => {
    const answer = ask(question, options)
    if (answer.answered || answer.didYouMean.length > 0) return answer
    const didYouMean = answer.suggestions.filter((s) => ask(s, { lang: answer.lang }).answered).slice(0, 3)
    return { ...answer, outcome: 'abstain', didYouMean }
  }
}
