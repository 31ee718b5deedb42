import { defaultRoundRubric } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { newCriterion, rubricDraft, rubricFromDraft, scaleScores, scoresOnRubric } from './rubricDraft.ts'

describe('the round setup’s rubric', () => {
  it('starts from the default criteria and gives them back unchanged', () => {
    expect(rubricFromDraft(rubricDraft(defaultRoundRubric()))).toEqual({ rubric: defaultRoundRubric(), problems: [] })
  })

  it('gives a new criterion an id no other has', () => {
    const draft = rubricDraft(defaultRoundRubric())
    const added = newCriterion([...draft, { ...newCriterion(draft), id: `criterion-${draft.length + 1}` }])
    expect(draft.map(({ id }) => id)).not.toContain(added.id)
    expect(added.id).toBe(`criterion-${draft.length + 2}`)
  })

  it('names the criterion and the reason of each problem', () => {
    const [first] = rubricDraft(defaultRoundRubric())
    const problems = rubricFromDraft([{ ...first!, label: ' ' }, { ...newCriterion([]), label: 'Cost', min: 4, max: 3 }]).problems
    expect(problems).toEqual([
      'Criterion 1: give it a name',
      'Criterion 2 (“Cost”): the scale runs from a whole number (0 or more) to a larger one (10 at most)',
    ])
    expect(rubricFromDraft([]).problems).toEqual(['Keep at least one criterion'])
    expect(rubricFromDraft([{ ...newCriterion([]), label: 'Cost', max: 11 }]).problems).toHaveLength(1)
    expect(rubricFromDraft([{ ...newCriterion([]), label: 'Cost', min: Number.NaN }]).problems).toHaveLength(1)
  })

  it('keeps the descriptors of the scale’s scores only, trimmed, and leaves empty ones out', () => {
    const criterion = { ...newCriterion([]), label: ' Cost ', min: 0, max: 2, descriptors: { 0: ' none ', 1: '', 2: 'all', 3: 'off the scale' } }
    expect(scaleScores(criterion)).toEqual([0, 1, 2])
    expect(rubricFromDraft([criterion]).rubric).toEqual({
      criteria: [{ id: 'criterion-1', label: 'Cost', scale: { min: 0, max: 2 }, levels: [{ score: 0, descriptor: 'none' }, { score: 2, descriptor: 'all' }] }],
    })
  })

  it('drops the calibration scores of criteria removed since', () => {
    const rubric = defaultRoundRubric()
    expect(scoresOnRubric(rubric, { clarity: 4, gone: 2 })).toEqual({ clarity: 4 })
  })
})
