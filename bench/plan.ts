import type { PhaseTiming } from './lib/phase.ts'
import type { ServerKind } from './lib/servers.ts'
import { BUSY_CLASSROOM, LECTURE_HALL, THOUSAND_SEAT_HALL, type RoomMix } from './scenarios/classroom.ts'

export type ScenarioName = 'fanout' | 'disk' | 'rooms' | 'memory' | 'busy' | 'lecture' | 'lab' | 'join' | 'analysis'
/** In the order they run: the ones with a goal of the performance issues first, so a budget cut spares them. */
export const SCENARIOS: ScenarioName[] = ['fanout', 'disk', 'rooms', 'memory', 'busy', 'lecture', 'lab', 'join', 'analysis']

/** The one-room classroom runs, in the order they run, with the scenario each belongs to (both halls are `lecture`). */
export const CLASSROOMS = [
  { table: 'busy', scenario: 'busy' },
  { table: 'lecture', scenario: 'lecture' },
  { table: 'hall', scenario: 'lecture' },
] as const satisfies readonly { table: string; scenario: ScenarioName }[]

/**
 * What the replication lab's telemetry costs: the same room on Concord without the telemetry
 * extension, on Concord as shipped with nobody watching the lab, and with one lab viewer.
 */
export const LAB_VARIANTS = [
  { name: 'without lab telemetry', kind: 'concord-no-lab', labViewer: false },
  { name: 'nobody watching the lab', kind: 'concord', labViewer: false },
  { name: 'one lab viewer', kind: 'concord', labViewer: true },
] as const satisfies readonly { name: string; kind: ServerKind; labViewer: boolean }[]
export type LabVariant = (typeof LAB_VARIANTS)[number]['name']

/** What one `pnpm bench` runs. Sized to finish in under 20 minutes on the 2-core machine (the budget in run.ts holds it there). */
export interface BenchPlan {
  workers: number
  /**
   * `runs` of every server at every N, interleaved; one writer at `writerHz`, fast enough that a
   * run measures at least 1,000 writes (a p99 of ~140 writes was the second-slowest write).
   */
  fanout: { servers: ServerKind[]; clients: number[]; runs: number; writerHz: number; timing: PhaseTiming }
  /** The fan-out room on Concord with an idle and with a busy disk, `runs` of each, interleaved. */
  disk: { clients: number; runs: number; writerHz: number; timing: PhaseTiming }
  busy: { servers: Partial<Record<ServerKind, number>>; mix: RoomMix; timing: PhaseTiming }
  lecture: { servers: Partial<Record<ServerKind, number>>; mix: RoomMix; timing: PhaseTiming }
  /** The 1,000-seat hall, run with the lecture hall. */
  hall: { servers: Partial<Record<ServerKind, number>>; mix: RoomMix; timing: PhaseTiming }
  /** `runs` of every lab variant, interleaved. */
  lab: { runs: number; mix: RoomMix; timing: PhaseTiming }
  join: { servers: ServerKind[]; runs: number; joiners: number; shapes: number; spreadMs: number }
  /** Each size once per server, growing while any server still holds. */
  rooms: { servers: ServerKind[]; steps: number[]; timing: PhaseTiming }
  /** Resident memory over sweeps of idle connections (in one room) and of open boards. */
  memory: { servers: ServerKind[]; connections: number[]; boards: number[] }
  /** Design analysis of synthetic boards of these sizes (components), in the orchestrator process. */
  analysis: { components: number[]; runs: number }
}

export const FULL_PLAN: BenchPlan = {
  workers: 4,
  // 75 Hz for 15 s: ~1,100 writes measured per run (timers only ever fire late, never early).
  fanout: { servers: ['raw', 'hocuspocus', 'concord'], clients: [100, 500], runs: 3, writerHz: 75, timing: { warmupMs: 1500, measureMs: 15_000, drainMs: 500 } },
  disk: { clients: 100, runs: 3, writerHz: 75, timing: { warmupMs: 1500, measureMs: 15_000, drainMs: 500 } },
  // Runs per server (20 minutes leave no room for stock Hocuspocus here; fan-out compares them).
  busy: { servers: { concord: 2 }, mix: BUSY_CLASSROOM, timing: { warmupMs: 2000, measureMs: 45_000, drainMs: 1000 } },
  // Roles (hidden viewers) exist only in Concord.
  lecture: { servers: { concord: 2 }, mix: LECTURE_HALL, timing: { warmupMs: 2000, measureMs: 45_000, drainMs: 1000 } },
  // Shorter: a thousand clients take a while to open; 20 s still hold millions of deliveries.
  hall: { servers: { concord: 2 }, mix: THOUSAND_SEAT_HALL, timing: { warmupMs: 2000, measureMs: 20_000, drainMs: 1000 } },
  // Short runs: server CPU over a few seconds of a steady room is stable enough to compare.
  lab: { runs: 2, mix: BUSY_CLASSROOM, timing: { warmupMs: 1000, measureMs: 5000, drainMs: 500 } },
  join: { servers: ['concord', 'hocuspocus'], runs: 3, joiners: 200, shapes: 2000, spreadMs: 1000 },
  rooms: { servers: ['concord', 'hocuspocus'], steps: [300, 600, 1200, 2400], timing: { warmupMs: 2000, measureMs: 5000, drainMs: 500 } },
  memory: { servers: ['concord', 'hocuspocus'], connections: [0, 250, 500, 1000, 1500, 2000], boards: [0, 50, 100, 200, 300] },
  analysis: { components: [50, 500, 2000], runs: 50 },
}

/** `--quick`: tiny sizes and short phases, to check the harness end to end in about a minute. */
export const QUICK_PLAN: BenchPlan = {
  workers: 2,
  fanout: { servers: ['raw', 'hocuspocus', 'concord'], clients: [5, 20], runs: 1, writerHz: 20, timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  disk: { clients: 20, runs: 1, writerHz: 20, timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  busy: { servers: { concord: 1, hocuspocus: 1 }, mix: { draggers: 2, cursors: 3, idle: 3, viewers: 0 }, timing: { warmupMs: 500, measureMs: 3000, drainMs: 500 } },
  lecture: { servers: { concord: 1 }, mix: { draggers: 2, cursors: 3, idle: 0, viewers: 10 }, timing: { warmupMs: 500, measureMs: 3000, drainMs: 500 } },
  hall: { servers: { concord: 1 }, mix: { draggers: 2, cursors: 3, idle: 5, viewers: 20 }, timing: { warmupMs: 500, measureMs: 3000, drainMs: 500 } },
  lab: { runs: 1, mix: { draggers: 2, cursors: 3, idle: 3, viewers: 0 }, timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  join: { servers: ['concord', 'hocuspocus'], runs: 1, joiners: 20, shapes: 200, spreadMs: 200 },
  rooms: { servers: ['concord', 'hocuspocus'], steps: [5, 10], timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  memory: { servers: ['concord', 'hocuspocus'], connections: [0, 10, 20, 30], boards: [0, 5, 10, 15] },
  analysis: { components: [50, 500, 2000], runs: 10 },
}
