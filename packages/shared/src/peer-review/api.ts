import { z } from 'zod'
import { boardIdSchema } from '../protocol/ids.ts'
import { rosterStudentSchema } from './roster.ts'
import { roundReviewSchema } from './round-review.ts'
import { anonymitySchema, roundRubricSchema } from './round-settings.ts'

/** `POST` and `GET /api/sessions/:id/roster` (instructor): every student with their personal link `/s/<session>/me#k=<token>`. */
export const rosterResponseSchema = z.object({
  students: z.array(rosterStudentSchema.extend({ link: z.string() })),
})
export type RosterResponse = z.infer<typeof rosterResponseSchema>

/** What every view of a round shares: its settings. */
export const roundInfoSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  anonymity: anonymitySchema,
  dueAt: z.number(),
  reviewsPerStudent: z.number().int(),
  rubric: roundRubricSchema,
})

export type RoundInfo = z.infer<typeof roundInfoSchema>

/**
 * `POST /api/sessions/:id/rounds` (201) and `GET /api/sessions/:id/rounds/:roundId` (instructor):
 * the round, each team's frozen submission, the teams without one, and every assignment with
 * its progress. `team`, `boardId`, `versionId` and `pseudonym` are the reviewed design's.
 */
export const roundResponseSchema = roundInfoSchema.extend({
  seed: z.number().int(),
  submissions: z.array(z.object({ team: z.number().int(), boardId: boardIdSchema, versionId: z.string(), versionName: z.string(), pseudonym: z.string() })),
  /** Teams that had no version submitted for review when the round was made. */
  missing: z.array(z.number().int()),
  assignments: z.array(
    z.object({
      id: z.string(),
      studentId: z.string(),
      name: z.string(),
      reviewerTeam: z.number().int(),
      reviewerPseudonym: z.string(),
      team: z.number().int(),
      boardId: boardIdSchema,
      versionId: z.string(),
      pseudonym: z.string(),
      /** The review as it stands: null until the student first saves it. The instructor reads drafts too. */
      review: roundReviewSchema.nullable(),
    }),
  ),
})
export type RoundResponse = z.infer<typeof roundResponseSchema>

/** `GET /api/sessions/:id/rounds` (instructor): the session's rounds, oldest first. */
export const roundListResponseSchema = z.object({ rounds: z.array(roundInfoSchema) })
export type RoundListResponse = z.infer<typeof roundListResponseSchema>

/**
 * `GET /api/me` (a student's token): what the student page shows. Under single- or double-blind
 * `design` is the reviewed design's pseudonym ("Design B"), else its board's title; under
 * double-blind `reviewer` is the reviewer's pseudonym ("Reviewer 2"), else their name.
 */
export const meResponseSchema = z.object({
  session: z.object({ id: z.string(), name: z.string() }),
  student: rosterStudentSchema,
  /** The student's team board; `link` opens it as an editor with the student's own token. */
  board: z.object({ id: boardIdSchema, title: z.string(), link: z.string() }),
  rounds: z.array(
    roundInfoSchema.extend({
      assignments: z.array(
        z.object({ id: z.string(), design: z.string(), boardId: boardIdSchema, versionId: z.string(), review: roundReviewSchema.nullable() }),
      ),
      /** Reviews of the team's submission, each once its reviewer submitted it; null when the team had none in the round. */
      received: z
        .object({ versionId: z.string(), reviews: z.array(z.object({ reviewer: z.string(), review: roundReviewSchema })) })
        .nullable(),
    }),
  ),
})
export type MeResponse = z.infer<typeof meResponseSchema>
