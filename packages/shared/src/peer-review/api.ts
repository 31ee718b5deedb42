import { z } from 'zod'
import { boardIdSchema } from '../protocol/ids.ts'
import { rosterStudentSchema } from './roster.ts'
import { reviewFlagSchema, reviewRatingSchema } from './feedback.ts'
import { gradeWeightsSchema } from './grades.ts'
import { roundReviewSchema } from './round-review.ts'
import { anonymitySchema, calibrationSettingsSchema, criterionScoresSchema, roundRubricSchema } from './round-settings.ts'

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
  weights: gradeWeightsSchema,
  /** The example every student scores before writing reviews; the instructor's scores only in the instructor's view. */
  calibration: z.object({ boardId: boardIdSchema, versionId: z.string() }).nullable(),
})

export type RoundInfo = z.infer<typeof roundInfoSchema>

/** Assigned, drafted (saved, not submitted), submitted (late ones too) and late reviews of a student or team. */
const progressCountsSchema = z.object({ assigned: z.number().int(), drafted: z.number().int(), submitted: z.number().int(), late: z.number().int() })

/** A member of the reviewed team flagging a review (`assignmentId`) as inappropriate. */
export const flagViewSchema = reviewFlagSchema.extend({
  assignmentId: z.string(),
  studentId: z.string(),
  name: z.string(),
  team: z.number().int(),
  createdAt: z.number(),
})

/** The instructor's dashboard of a round: progress, flags and score distributions (hidden reviews left out of the scores). */
export const roundProgressSchema = z.object({
  /** Per reviewing team: the reviews its members were assigned and where they stand. */
  teams: z.array(progressCountsSchema.extend({ team: z.number().int() })),
  students: z.array(
    progressCountsSchema.extend({
      studentId: z.string(),
      name: z.string(),
      team: z.number().int(),
      /** Whether the student scored the calibration example (always true without one). */
      calibrated: z.boolean(),
      submissionScore: z.number().nullable(),
      reviewScore: z.number().nullable(),
    }),
  ),
  flags: z.array(flagViewSchema),
  /** Per criterion, how many submitted reviews gave each score: `counts[i]` for score `scale.min + i`. */
  criteria: z.array(z.object({ id: z.string(), counts: z.array(z.number().int()) })),
})
export type RoundProgress = z.infer<typeof roundProgressSchema>

/**
 * `POST /api/sessions/:id/rounds` (201) and `GET /api/sessions/:id/rounds/:roundId` (instructor):
 * the round, each team's frozen submission, the teams without one, and every assignment with
 * its progress. `team`, `boardId`, `versionId` and `pseudonym` are the reviewed design's.
 */
export const roundResponseSchema = roundInfoSchema.extend({
  seed: z.number().int(),
  calibration: calibrationSettingsSchema.nullable(),
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
      /** Hidden by the instructor: counts in no grade and the reviewed team no longer sees it. */
      hidden: z.boolean(),
      /** The reviewed team's members' helpfulness ratings. */
      ratings: z.array(reviewRatingSchema.extend({ studentId: z.string(), name: z.string() })),
    }),
  ),
  progress: roundProgressSchema,
})
export type RoundResponse = z.infer<typeof roundResponseSchema>

/** `GET /api/sessions/:id/rounds` (instructor): the session's rounds, oldest first. */
export const roundListResponseSchema = z.object({ rounds: z.array(roundInfoSchema) })
export type RoundListResponse = z.infer<typeof roundListResponseSchema>

/**
 * `GET /api/me` (a student's token): what the student page shows. Under single- or double-blind
 * `design` is the reviewed design's pseudonym ("Design B"), else its board's title; under
 * double-blind `reviewer` is the reviewer's pseudonym ("Reviewer 2"), else their name. No board
 * id but the student's own: an assigned version is fetched by its assignment
 * (`/api/me/reviews/:assignmentId/version`), so a blind reviewer cannot tell whose board it is.
 */
export const meResponseSchema = z.object({
  session: z.object({ id: z.string(), name: z.string() }),
  student: rosterStudentSchema,
  /** The student's team board; `link` opens it as an editor with the student's own token. */
  board: z.object({ id: boardIdSchema, title: z.string(), link: z.string() }),
  rounds: z.array(
    roundInfoSchema.extend({
      /** The example's version, without its board: fetched by the round (`/api/me/rounds/:roundId/calibration/version`). */
      calibration: z.object({ versionId: z.string() }).nullable(),
      /** The student's own scores of the calibration example; null until given (reviews cannot be written before). */
      calibrated: criterionScoresSchema.nullable(),
      assignments: z.array(
        z.object({ id: z.string(), design: z.string(), versionId: z.string(), review: roundReviewSchema.nullable() }),
      ),
      /**
       * Reviews of the team's submission, each once its reviewer submitted it and unless the instructor
       * hid it, with the student's own rating and flag; null when the team had none in the round.
       */
      received: z
        .object({
          versionId: z.string(),
          reviews: z.array(
            z.object({
              id: z.string(),
              reviewer: z.string(),
              review: roundReviewSchema,
              rating: reviewRatingSchema.nullable(),
              flag: reviewFlagSchema.nullable(),
            }),
          ),
        })
        .nullable(),
    }),
  ),
})
export type MeResponse = z.infer<typeof meResponseSchema>
