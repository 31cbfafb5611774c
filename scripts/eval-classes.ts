/**
 * `npx tsx scripts/eval-classes.ts [--json]`: accuracy per answer class (test/questions/classes.ts) over every
 * question set, and the abstention rate. `--json` prints the ClassReport; that is how the previous router's
 * figures in test/questions/previous-router.json were measured (this script run in a checkout of that commit).
 */
import { readFileSync } from 'node:fs'
import { createKaiCore } from '../src/core/answer/create-core.js'
import { loadCorpusOrThrow } from '../src/core/corpus/load-corpus.js'
import { BLIND2 } from '../test/questions/blind2.js'
import { BLIND3 } from '../test/questions/blind3.js'
import { classReport } from '../test/questions/classes.js'
import { HOLDOUT } from '../test/questions/holdout.js'
import { QUESTIONS, type QuestionCase } from '../test/questions/questions.js'

const blind4 = JSON.parse(readFileSync('test/questions/blind4.json', 'utf8')) as QuestionCase[]
const core = createKaiCore(await loadCorpusOrThrow('corpus'))
const report = classReport(core, [QUESTIONS, HOLDOUT, BLIND2, BLIND3, blind4])
console.log(JSON.stringify(report, null, 2))
