import { loadConfig } from '../../src/config.js'
import {
  type Corpus,
  CorpusError,
  createKaiCore,
  formatCorpusIssue,
  type KaiCore,
  loadCorpus,
  loadOrBuildIndex,
} from '../../src/core/index.js'

/** The core the CLI tools answer with: corpus from CORPUS_DIR, search index persisted under DATA_DIR. */
export async function loadCliCore(
  env: Record<string, string | undefined>,
): Promise<{ core: KaiCore; corpus: Corpus }> {
  const config = loadConfig(env)
  const result = await loadCorpus(config.corpusDir)
  if (!result.ok) throw new CorpusError(result.issues)
  const { index, matcher } = loadOrBuildIndex(result.corpus, { dataDir: config.dataDir })
  return { core: createKaiCore(result.corpus, { index, matcher }), corpus: result.corpus }
}

/** One line per problem, for stderr, when the corpus or the configuration is broken. */
export function describeStartupError(err: unknown): string {
  if (err instanceof CorpusError)
    return `The corpus has errors:\n${err.issues.map(formatCorpusIssue).join('\n')}`
  if (err instanceof Error && 'problems' in err) return `Configuration errors:\n${err.message}`
  return err instanceof Error ? err.message : String(err)
}
