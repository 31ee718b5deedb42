import { z } from 'zod'
import { MAX_SESSION_TEAMS } from '../protocol/sessions.ts'
import { parseCsv } from './csv.ts'

/** At most this many students in one session's roster. */
export const MAX_ROSTER_STUDENTS = 1000

/** One student as the instructor imports them: the institution's id, a display name, a team number of the session. */
export const rosterStudentSchema = z.object({
  studentId: z
    .string()
    .trim()
    .min(1, 'student_id must not be empty')
    .max(100, 'student_id is at most 100 characters'),
  name: z.string().trim().min(1, 'name must not be empty').max(120, 'name is at most 120 characters'),
  team: z.coerce
    .number({ error: 'team must be a team number' })
    .int('team must be a whole number')
    .min(1, 'team must be at least 1')
    .max(MAX_SESSION_TEAMS, `team is at most ${MAX_SESSION_TEAMS}`),
})
export type RosterStudent = z.infer<typeof rosterStudentSchema>

/** `POST /api/sessions/:id/roster` as JSON. */
export const rosterRequestSchema = z.object({
  students: z.array(rosterStudentSchema).min(1, 'the roster is empty').max(MAX_ROSTER_STUDENTS, `a roster holds at most ${MAX_ROSTER_STUDENTS} students`),
})
export type RosterRequest = z.input<typeof rosterRequestSchema>

/** The columns a roster CSV must have, in any order (other columns are ignored). */
export const ROSTER_COLUMNS = ['student_id', 'name', 'team'] as const

export type RosterParse = { ok: true; students: RosterStudent[] } | { ok: false; errors: string[] }

/**
 * Reads a roster CSV (header row required). Every problem is reported, each with its line, so
 * the instructor can fix the file in one go; a student id given twice is one of them.
 */
export function parseRosterCsv(text: string): RosterParse {
  let rows
  try {
    rows = parseCsv(text)
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] }
  }
  const [header, ...body] = rows
  if (!header) return { ok: false, errors: ['the file is empty: expected a header row student_id,name,team'] }
  const names = header.fields.map((field) => field.trim().toLowerCase())
  const missing = ROSTER_COLUMNS.filter((column) => !names.includes(column))
  if (missing.length > 0) {
    return { ok: false, errors: [`line ${header.line}: the header lacks ${missing.join(', ')} (expected student_id,name,team)`] }
  }
  if (body.length === 0) return { ok: false, errors: ['the roster has no students below its header'] }
  if (body.length > MAX_ROSTER_STUDENTS) return { ok: false, errors: [`a roster holds at most ${MAX_ROSTER_STUDENTS} students`] }
  const column = (fields: string[], name: (typeof ROSTER_COLUMNS)[number]) => fields[names.indexOf(name)] ?? ''
  const students: RosterStudent[] = []
  const errors: string[] = []
  const seen = new Map<string, number>()
  for (const row of body) {
    const parsed = rosterStudentSchema.safeParse({
      studentId: column(row.fields, 'student_id'),
      name: column(row.fields, 'name'),
      team: teamNumber(column(row.fields, 'team')),
    })
    if (!parsed.success) {
      errors.push(`line ${row.line}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`)
      continue
    }
    const earlier = seen.get(parsed.data.studentId)
    if (earlier !== undefined) {
      errors.push(`line ${row.line}: student_id ${parsed.data.studentId} is already on line ${earlier}`)
      continue
    }
    seen.set(parsed.data.studentId, row.line)
    students.push(parsed.data)
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, students }
}

/** "3" and "Team 3" both name team 3 (the dashboard shows teams as "Team N"). */
function teamNumber(raw: string): string {
  return raw.trim().replace(/^team\s*/i, '')
}
