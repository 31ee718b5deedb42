/** A grade as the instructor reads it: one decimal like grades.csv, a dash when it cannot be computed. */
export function scoreText(score: number | null): string {
  return score === null ? '–' : score.toFixed(1)
}
