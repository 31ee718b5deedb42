import { z } from 'zod'
import type { JsonRecord } from './codec.ts'

/**
 * The team's goals, non-goals and decision records (MADR: title, status, context, options
 * considered, decision, consequences), kept as board records of their own types (tldraw custom
 * record types, document scope) so they sync, undo and are frozen into versions like shapes.
 * Both types are checked here, once: the web app's record validators and the report use these checks.
 */
export const GOAL_TYPE = 'design_goal'
export const DECISION_TYPE = 'design_decision'

export const GOAL_LISTS = ['goal', 'non-goal'] as const
export type GoalList = (typeof GOAL_LISTS)[number]

/** MADR's statuses. */
export const DECISION_STATUSES = ['proposed', 'accepted', 'superseded', 'deprecated'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

/** Lengths a peer cannot exceed: the panel says so before writing, the record validators refuse the rest. */
export const DESIGN_NOTE_LIMITS = { goal: 500, title: 200, text: 4000, options: 20, option: 500 } as const

const L = DESIGN_NOTE_LIMITS
const time = z.number().int().nonnegative()
const text = (what: string, max: number) => z.string().max(max, `${what} is at most ${max} characters`)
const filled = (what: string, max: number) => text(what, max).refine((value) => value.trim() !== '', `${what} cannot be empty`)

const goalSchema = z.strictObject({
  id: z.string().startsWith(`${GOAL_TYPE}:`),
  typeName: z.literal(GOAL_TYPE),
  list: z.enum(GOAL_LISTS),
  text: filled('A goal', L.goal),
  createdAt: time,
})

const decisionSchema = z.strictObject({
  id: z.string().startsWith(`${DECISION_TYPE}:`),
  typeName: z.literal(DECISION_TYPE),
  title: filled('The title', L.title),
  status: z.enum(DECISION_STATUSES, `the status is one of ${DECISION_STATUSES.join(', ')}`),
  context: text('The context', L.text),
  options: z.array(filled('An option', L.option)).max(L.options, `A decision lists at most ${L.options} options`),
  decision: text('The decision', L.text),
  consequences: text('The consequences', L.text),
  createdAt: time,
  updatedAt: time,
})

export type DesignGoal = z.infer<typeof goalSchema>
export type DesignDecision = z.infer<typeof decisionSchema>

function problemOf(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value)
  if (result.success) return null
  const issue = result.error.issues[0]!
  // Lengths and emptiness are what a user typing meets: their messages above are sentences for the panel.
  return issue.code === 'custom' || issue.code === 'too_big' ? issue.message : `${issue.path.join('.')}: ${issue.message}`
}

/** Why a value is not a valid goal or non-goal record, or null. */
export function goalProblem(value: unknown): string | null {
  return problemOf(goalSchema, value)
}

/** Why a value is not a valid decision record, or null. */
export function decisionProblem(value: unknown): string | null {
  return problemOf(decisionSchema, value)
}

export interface DesignNotes {
  goals: DesignGoal[]
  nonGoals: DesignGoal[]
  /** Oldest first, as a decision log reads. */
  decisions: DesignDecision[]
  /** Records of these types that fail their check (a peer wrote them), skipped with the reason. */
  unreadable: Array<{ id: string; reason: string }>
}

const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)

/** The goals, non-goals and decisions among a board's records, each list in the order it was written. */
export function readDesignNotes(records: readonly JsonRecord[]): DesignNotes {
  const notes: DesignNotes = { goals: [], nonGoals: [], decisions: [], unreadable: [] }
  for (const record of records) {
    if (record.typeName === GOAL_TYPE) {
      const reason = goalProblem(record)
      if (reason) notes.unreadable.push({ id: record.id, reason })
      else (record.list === 'goal' ? notes.goals : notes.nonGoals).push(record as unknown as DesignGoal)
    } else if (record.typeName === DECISION_TYPE) {
      const reason = decisionProblem(record)
      if (reason) notes.unreadable.push({ id: record.id, reason })
      else notes.decisions.push(record as unknown as DesignDecision)
    }
  }
  notes.goals.sort(byCreation)
  notes.nonGoals.sort(byCreation)
  notes.decisions.sort(byCreation)
  return notes
}
