import type { PhaseTiming } from './lib/phase.ts'
import type { ServerKind } from './lib/servers.ts'
import { BUSY_CLASSROOM, LECTURE_HALL, type RoomMix } from './scenarios/classroom.ts'

export type ScenarioName = 'fanout' | 'busy' | 'lecture' | 'lab' | 'join' | 'rooms' | 'analysis'
export const SCENARIOS: ScenarioName[] = ['fanout', 'busy', 'lecture', 'lab', 'join', 'rooms', 'analysis']

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

/** What one `pnpm bench` runs. Sized to finish in under 15 minutes on the 2-core machine. */
export interface BenchPlan {
  workers: number
  /**
   * `runs` of every server at every N; the sizes with a goal (`compared`) run `comparedRuns` times
   * for Concord and stock Hocuspocus, since a p99 of ~140 writes moves by 2x between runs.
   */
  fanout: { servers: ServerKind[]; clients: number[]; runs: number; compared: { clients: number[]; comparedRuns: number }; timing: PhaseTiming }
  busy: { servers: Partial<Record<ServerKind, number>>; mix: RoomMix; timing: PhaseTiming }
  lecture: { servers: Partial<Record<ServerKind, number>>; mix: RoomMix; timing: PhaseTiming }
  /** `runs` of every lab variant, interleaved. */
  lab: { runs: number; mix: RoomMix; timing: PhaseTiming }
  join: { servers: ServerKind[]; runs: number; joiners: number; shapes: number; spreadMs: number }
  rooms: { servers: ServerKind[]; steps: number[]; timing: PhaseTiming }
  /** Design analysis of synthetic boards of these sizes (components), in the orchestrator process. */
  analysis: { components: number[]; runs: number }
}

export const FULL_PLAN: BenchPlan = {
  workers: 4,
  fanout: {
    servers: ['raw', 'hocuspocus', 'concord'],
    clients: [10, 100, 500],
    runs: 3,
    compared: { clients: [100, 500], comparedRuns: 5 },
    timing: { warmupMs: 1500, measureMs: 7000, drainMs: 500 },
  },
  // Runs per server (15 minutes leave no room for stock Hocuspocus here; fan-out compares them).
  busy: { servers: { concord: 3 }, mix: BUSY_CLASSROOM, timing: { warmupMs: 2000, measureMs: 60_000, drainMs: 1000 } },
  // Roles (hidden viewers) exist only in Concord.
  lecture: { servers: { concord: 3 }, mix: LECTURE_HALL, timing: { warmupMs: 2000, measureMs: 60_000, drainMs: 1000 } },
  // Short runs: server CPU over a few seconds of a steady room is stable enough to compare.
  lab: { runs: 2, mix: BUSY_CLASSROOM, timing: { warmupMs: 1000, measureMs: 5000, drainMs: 500 } },
  join: { servers: ['concord', 'hocuspocus'], runs: 3, joiners: 200, shapes: 2000, spreadMs: 1000 },
  rooms: { servers: ['concord', 'hocuspocus'], steps: [200, 600, 1200], timing: { warmupMs: 2000, measureMs: 5000, drainMs: 500 } },
  analysis: { components: [50, 500, 2000], runs: 50 },
}

/** `--quick`: tiny sizes and short phases, to check the harness end to end in about a minute. */
export const QUICK_PLAN: BenchPlan = {
  workers: 2,
  fanout: { servers: ['raw', 'hocuspocus', 'concord'], clients: [5, 20], runs: 1, compared: { clients: [], comparedRuns: 1 }, timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  busy: { servers: { concord: 1, hocuspocus: 1 }, mix: { draggers: 2, cursors: 3, idle: 3, viewers: 0 }, timing: { warmupMs: 500, measureMs: 3000, drainMs: 500 } },
  lecture: { servers: { concord: 1 }, mix: { draggers: 2, cursors: 3, idle: 0, viewers: 10 }, timing: { warmupMs: 500, measureMs: 3000, drainMs: 500 } },
  lab: { runs: 1, mix: { draggers: 2, cursors: 3, idle: 3, viewers: 0 }, timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  join: { servers: ['concord', 'hocuspocus'], runs: 1, joiners: 20, shapes: 200, spreadMs: 200 },
  rooms: { servers: ['concord', 'hocuspocus'], steps: [5, 10], timing: { warmupMs: 500, measureMs: 2000, drainMs: 500 } },
  analysis: { components: [50, 500, 2000], runs: 10 },
}
