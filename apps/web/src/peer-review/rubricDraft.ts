import { roundRubricSchema, type RoundRubric } from '@concord/shared'

/** A criterion as the round setup edits it: the scale as typed, a descriptor per level (empty: none). */
export interface CriterionDraft {
  id: string
  label: string
  min: number
  max: number
  descriptors: Readonly<Record<number, string>>
}

/** Bounds of a criterion's scale and of a rubric, as `roundRubricSchema` holds them. */
const SCALE_MIN = 0
const SCALE_MAX = 10
const MAX_CRITERIA = 20

export function rubricDraft(rubric: RoundRubric): CriterionDraft[] {
  return rubric.criteria.map(({ id, label, scale, levels }) => ({
    id,
    label,
    min: scale.min,
    max: scale.max,
    descriptors: Object.fromEntries(levels.map(({ score, descriptor }) => [score, descriptor])),
  }))
}

/** A new, unnamed criterion on a 1 to 5 scale, with an id no other criterion has. */
export function newCriterion(criteria: readonly CriterionDraft[]): CriterionDraft {
  const taken = new Set(criteria.map(({ id }) => id))
  let n = criteria.length + 1
  while (taken.has(`criterion-${n}`)) n++
  return { id: `criterion-${n}`, label: '', min: 1, max: 5, descriptors: {} }
}

/** The scores of a criterion's scale, lowest first (none while the scale is invalid). */
export function scaleScores({ min, max }: Pick<CriterionDraft, 'min' | 'max'>): number[] {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max || min < SCALE_MIN || max > SCALE_MAX) return []
  return Array.from({ length: max - min + 1 }, (_, index) => min + index)
}

function criterionProblems(criterion: CriterionDraft, index: number): string[] {
  const name = `Criterion ${index + 1}${criterion.label.trim() ? ` (“${criterion.label.trim()}”)` : ''}`
  const problems: string[] = []
  if (!criterion.label.trim()) problems.push(`${name}: give it a name`)
  else if (criterion.label.trim().length > 200) problems.push(`${name}: a name has at most 200 characters`)
  if (scaleScores(criterion).length === 0) {
    problems.push(`${name}: the scale runs from a whole number (${SCALE_MIN} or more) to a larger one (${SCALE_MAX} at most)`)
  }
  return problems
}

/**
 * The rubric the round is opened with, or what is wrong with the draft, each problem naming its
 * criterion. Descriptors of scores off the scale and empty ones are left out.
 */
export function rubricFromDraft(criteria: readonly CriterionDraft[]): { rubric: RoundRubric; problems: [] } | { rubric: null; problems: string[] } {
  const problems = criteria.flatMap(criterionProblems)
  if (criteria.length === 0) problems.push('Keep at least one criterion')
  if (criteria.length > MAX_CRITERIA) problems.push(`A rubric has at most ${MAX_CRITERIA} criteria`)
  if (problems.length > 0) return { rubric: null, problems }
  const parsed = roundRubricSchema.safeParse({
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      label: criterion.label.trim(),
      scale: { min: criterion.min, max: criterion.max },
      levels: scaleScores(criterion).flatMap((score) => {
        const descriptor = criterion.descriptors[score]?.trim()
        return descriptor ? [{ score, descriptor }] : []
      }),
    })),
  })
  if (!parsed.success) return { rubric: null, problems: parsed.error.issues.map(({ message }) => message) }
  return { rubric: parsed.data, problems: [] }
}

/** Scores of the rubric's criteria only: a score of a criterion removed since it was given is dropped. */
export function scoresOnRubric(rubric: RoundRubric, scores: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    rubric.criteria.flatMap(({ id }): [string, number][] => {
      const score = scores[id]
      return score === undefined ? [] : [[id, score]]
    }),
  )
}
