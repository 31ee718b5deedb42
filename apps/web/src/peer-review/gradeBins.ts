/** Grades 0 to 100 in five bins of 20; 100 falls in the last. */
const GRADE_BINS = [0, 20, 40, 60, 80].map((from) => ({ from, label: from === 80 ? '80–100' : `${from}–${from + 19}` }))

/** How many grades fall in each bin, for the score histograms. */
export function gradeBins(scores: readonly number[]): Array<{ label: string; count: number }> {
  return GRADE_BINS.map(({ from, label }) => ({ label, count: scores.filter((score) => Math.min(Math.floor(score / 20) * 20, 80) === from).length }))
}
