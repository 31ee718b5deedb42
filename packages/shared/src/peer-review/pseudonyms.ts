import { shuffled, seededRandom } from './seeded-random.ts'

/** "A" to "Z", then "AA", "AB", ... as spreadsheet columns count. */
function letters(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const digit = (n - 1) % 26
    out = String.fromCharCode(65 + digit) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/**
 * What reviewers call each submission under anonymity: "Design A", "Design B", ... in an order
 * drawn from the round's seed, so the letter does not give the team number away.
 */
export function designPseudonyms(teams: readonly number[], seed: number): Map<number, string> {
  const order = shuffled([...teams].sort((a, b) => a - b), seededRandom((seed ^ 0x5eed) >>> 0))
  return new Map(order.map((team, index) => [team, `Design ${letters(index)}`]))
}

/** The n-th reviewer of a submission (1-based) as the reviewed team sees them under double-blind. */
export function reviewerPseudonym(number: number): string {
  return `Reviewer ${number}`
}
