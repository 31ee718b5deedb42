/** What each helpfulness rating means, so a student picks a meaning rather than a bare number. */
export const HELPFULNESS_LABELS: Record<number, string> = {
  1: 'Not helpful',
  2: 'Slightly helpful',
  3: 'Somewhat helpful',
  4: 'Helpful',
  5: 'Very helpful',
}

export const HELPFULNESS_VALUES = [1, 2, 3, 4, 5] as const

/** "4 · Helpful". */
export function helpfulnessText(helpfulness: number): string {
  return `${helpfulness} · ${HELPFULNESS_LABELS[helpfulness] ?? ''}`
}
