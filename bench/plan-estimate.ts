import type { PhaseTiming } from './lib/phase.ts'
import type { BenchPlan, ScenarioName } from './plan.ts'
import { LAB_VARIANTS } from './plan.ts'
import type { RoomMix } from './scenarios/classroom.ts'

/** A phase's length plus `setup` seconds (room, clients, verification). */
export const phaseSeconds = (timing: PhaseTiming, setup: number) => (timing.warmupMs + timing.measureMs + timing.drainMs) / 1000 + setup

/** The run.ts budget's estimates of each run, in one place: the harness skips what would not fit. */
export const runSeconds = {
  fanout: (plan: BenchPlan, clients: number) => phaseSeconds(plan.fanout.timing, 2 + clients / 200),
  disk: (plan: BenchPlan) => phaseSeconds(plan.disk.timing, 2.5 + plan.disk.clients / 200),
  rooms: (plan: BenchPlan, rooms: number) => phaseSeconds(plan.rooms.timing, 3 + rooms / 100),
  memory: (plan: BenchPlan) => 4 + (plan.memory.connections.length + plan.memory.boards.length) * 1.5 + (plan.memory.connections.at(-1)! + plan.memory.boards.at(-1)! * 3) / 100,
  classroom: (timing: PhaseTiming, seats: number) => phaseSeconds(timing, 8 + seats / 200),
  lab: (plan: BenchPlan) => phaseSeconds(plan.lab.timing, 6),
  join: 15,
  analysis: (components: number) => 1 + components / 200,
}

/** Everyone in a classroom room. */
export function seatsOf(mix: RoomMix): number {
  return mix.draggers + mix.cursors + mix.idle + mix.viewers
}

/** Upper estimate of a whole run of `scenarios` (every rooms size run on every server). */
export function estimateSeconds(plan: BenchPlan, scenarios: ScenarioName[]): Record<ScenarioName, number> {
  const count = (runs: Partial<Record<string, number>>) => Object.values(runs).reduce<number>((sum, n) => sum + (n ?? 0), 0)
  const all: Record<ScenarioName, number> = {
    fanout: plan.fanout.clients.reduce((sum, clients) => sum + plan.fanout.servers.length * plan.fanout.runs * runSeconds.fanout(plan, clients), 0),
    disk: 2 * plan.disk.runs * runSeconds.disk(plan),
    rooms: plan.rooms.servers.length * plan.rooms.steps.reduce((sum, rooms) => sum + runSeconds.rooms(plan, rooms), 0),
    memory: plan.memory.servers.length * runSeconds.memory(plan),
    busy: count(plan.busy.servers) * runSeconds.classroom(plan.busy.timing, seatsOf(plan.busy.mix)),
    lecture:
      count(plan.lecture.servers) * runSeconds.classroom(plan.lecture.timing, seatsOf(plan.lecture.mix)) +
      count(plan.hall.servers) * runSeconds.classroom(plan.hall.timing, seatsOf(plan.hall.mix)),
    lab: plan.lab.runs * LAB_VARIANTS.length * runSeconds.lab(plan),
    join: plan.join.runs * plan.join.servers.length * runSeconds.join,
    analysis: plan.analysis.components.reduce((sum, components) => sum + runSeconds.analysis(components), 0),
  }
  return Object.fromEntries(scenarios.map((name) => [name, all[name]])) as Record<ScenarioName, number>
}
