/** The lab's concepts that other views may link to (`LabConcepts` gives each an element id). */
export type LabConceptId = 'replica' | 'state-vector' | 'server-nodes' | 'partition' | 'merge' | 'convergence'

export const LAB_CONCEPT_PARAM = 'concept'

/** The element id of a concept's term in the lab's concepts panel. */
export function labConceptElementId(concept: LabConceptId): string {
  return `lab-concept-${concept}`
}

/**
 * The lab of a board, opened at a concept. The concept is a query parameter, since the fragment
 * holds the board's link token; `hash` is the board page's (`location.hash`).
 */
export function labConceptPath(boardId: string, concept: LabConceptId, hash: string): string {
  return `/b/${boardId}/lab?${LAB_CONCEPT_PARAM}=${concept}${hash}`
}
