import type { EngineName } from './engines.js'
import type { ColdMeasurement, MainMeasurement } from './measure.js'
import type { LatencySummary } from './stats.js'

/** The machine a run happened on: numbers from different machines are not comparable. */
export interface Machine {
  cpu: string
  cores: number
  node: string
  platform: string
  memoryGB: number
  /** 1-minute load average at the start and end of the run: well above `cores` means noisy figures. */
  loadStart: number
  loadEnd: number
}

/** Everything measured for one corpus size. */
export interface SizeResult {
  size: number
  main: Partial<Record<EngineName, MainMeasurement>>
  coldLoad: Partial<Record<EngineName, ColdMeasurement>>
  coldRebuild: Partial<Record<EngineName, ColdMeasurement>>
  /** Why something was not measured, e.g. an engine that failed. */
  errors: string[]
}

/** Loopback end-to-end latency for one platform, or why it was not measured. */
export type E2eResult =
  | { platform: 'slack' | 'discord'; measured: true; passages: number; latency: LatencySummary }
  | { platform: 'slack' | 'discord'; measured: false; reason: string }

/** One target of issue 7 and whether this run met it. */
export interface TargetCheck {
  size: number
  name: string
  limit: string
  value: string
  /** undefined when the figure was not measured. */
  met: boolean | undefined
}

/** What `npm run bench` writes to bench/results.json. */
export interface BenchResults {
  startedAt: string
  /** `git describe --always --dirty` of the tree measured, or 'unknown' outside git. */
  commit: string
  durationS: number
  machine: Machine
  args: { sizes: number[]; passes: number; e2eRequests: number }
  sizes: SizeResult[]
  e2e: E2eResult[]
  targets: TargetCheck[]
}
