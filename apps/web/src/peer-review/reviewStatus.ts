import type { RoundResponse } from '@concord/shared'

export type RoundAssignment = RoundResponse['assignments'][number]

/** Where an assigned review stands, as the instructor reads it. */
export function reviewStatus(review: RoundAssignment['review']): string {
  if (!review) return 'Not started'
  if (review.status === 'draft') return 'Draft'
  return review.late ? 'Submitted late' : 'Submitted'
}
