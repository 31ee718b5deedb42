import * as Y from 'yjs'
import { z } from 'zod'
import { reviewAuthorSchema, type ReviewAuthor } from './review.ts'

/** The criteria of the course brief every peer review scores. */
export const RUBRIC_CRITERIA = [
  { id: 'functional', label: 'Functional requirements covered' },
  { id: 'nonFunctional', label: 'Non-functional properties specified' },
  { id: 'tradeoffs', label: 'Consistency/availability trade-offs justified' },
  { id: 'scalability', label: 'Scalability and elasticity addressed' },
  { id: 'resilience', label: 'Failure handling and resilience' },
  { id: 'clarity', label: 'Clarity of the design' },
] as const
export type RubricCriterionId = (typeof RUBRIC_CRITERIA)[number]['id']

export const RUBRIC_SCORES = [1, 2, 3, 4, 5] as const

/**
 * `rubrics` in the review document: one Y.Map per reviewer, keyed by the reviewer's per-browser
 * id, holding `reviewer` (id and name) and one `{ score, justification }` per criterion, each under
 * its own key so a reviewer's edits of two criteria on two devices both survive.
 */
export const RUBRICS_KEY = 'rubrics'

const rubricEntrySchema = z.object({ score: z.number().int().min(1).max(5).nullable(), justification: z.string().max(5000) })
export type RubricEntry = z.infer<typeof rubricEntrySchema>

export interface ReviewerRubric {
  reviewer: ReviewAuthor
  entries: Partial<Record<RubricCriterionId, RubricEntry>>
}

function rubricsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(RUBRICS_KEY)
}

/** Sets one criterion of the reviewer's own rubric. */
export function setRubricEntry(doc: Y.Doc, reviewer: ReviewAuthor, criterion: RubricCriterionId, entry: RubricEntry): void {
  doc.transact(() => {
    const rubrics = rubricsMap(doc)
    let own = rubrics.get(reviewer.id)
    if (!(own instanceof Y.Map)) {
      own = new Y.Map<unknown>()
      rubrics.set(reviewer.id, own)
    }
    own.set('reviewer', reviewer)
    own.set(criterion, entry)
  })
}

/** Every reviewer's rubric; entries that do not read as one are left out. */
export function readRubrics(doc: Y.Doc): ReviewerRubric[] {
  const out: ReviewerRubric[] = []
  for (const [id, value] of rubricsMap(doc).entries()) {
    if (!(value instanceof Y.Map)) continue
    const reviewer = reviewAuthorSchema.safeParse(value.get('reviewer')).data
    if (!reviewer || reviewer.id !== id) continue
    const entries: ReviewerRubric['entries'] = {}
    for (const { id: criterion } of RUBRIC_CRITERIA) {
      const entry = rubricEntrySchema.safeParse(value.get(criterion)).data
      if (entry) entries[criterion] = entry
    }
    out.push({ reviewer, entries })
  }
  return out.sort((a, b) => a.reviewer.name.localeCompare(b.reviewer.name) || a.reviewer.id.localeCompare(b.reviewer.id))
}

export interface CriterionAggregate {
  criterion: RubricCriterionId
  /** Mean of the scores given, or null when nobody scored it yet. */
  mean: number | null
  scores: number
}

/** The team's view: per criterion, the mean score over every reviewer who gave one. */
export function aggregateRubrics(rubrics: readonly ReviewerRubric[]): CriterionAggregate[] {
  return RUBRIC_CRITERIA.map(({ id }) => {
    const scores = rubrics.flatMap((rubric) => rubric.entries[id]?.score ?? [])
    const mean = scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length
    return { criterion: id, mean, scores: scores.length }
  })
}
