/**
 * `tsx adapters/cli/console-main.ts`: the console on its own (no Slack, Discord or notifications),
 * for trying answers and for the end-to-end console test. `npm start` opens the same console with notifications.
 */
import { loadDotEnv } from '../../src/config.js'
import { runConsole } from './console.js'
import { describeStartupError, loadCliCore } from './load-core.js'

loadDotEnv()
try {
  const { core } = await loadCliCore(process.env)
  await runConsole({ core, input: process.stdin, output: process.stdout })
} catch (err) {
  process.stderr.write(`${describeStartupError(err)}\n`)
  process.exitCode = 1
}
