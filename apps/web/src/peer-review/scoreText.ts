/** A grade as the instructor reads it: one decimal like grades.csv, a dash when it cannot be computed. */
export function scoreText(score: number | null): string {
  return score === null ? '–' : score.toFixed(1)
}

/** What a student's review score reads before the round's due time. */
export const NOT_GRADED_YET = 'Not graded yet'

/**
 * A student's review score at `now`: before the round's due time there is none yet, since a
 * review still to write would count as not on time (a 0.0 that is no grade); after it, as
 * `scoreText`.
 */
export function reviewScoreText(score: number | null, dueAt: number, now: number): string {
  return now < dueAt ? NOT_GRADED_YET : scoreText(score)
}
