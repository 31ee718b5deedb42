import { newCriterion, scaleScores, type CriterionDraft } from './rubricDraft.ts'

/**
 * The round's rubric as the instructor edits it: criteria added, removed and renamed, each with
 * its scale and a descriptor per level (folded away until wanted). Problems are shown by the form.
 */
export function RubricEditor({ criteria, onChange }: { criteria: readonly CriterionDraft[]; onChange(criteria: CriterionDraft[]): void }) {
  const update = (index: number, change: Partial<CriterionDraft>) => onChange(criteria.map((criterion, at) => (at === index ? { ...criterion, ...change } : criterion)))
  return (
    <fieldset className="rubric-editor" data-testid="rubric-editor">
      <legend className="field-label">Rubric</legend>
      <p className="peer-review__hint">Reviewers score each criterion on its scale and justify the score. It starts from the board review’s criteria.</p>
      <ol className="rubric-editor__list">
        {criteria.map((criterion, index) => (
          <li key={criterion.id} className="rubric-editor__criterion" data-testid="rubric-editor-criterion">
            <div className="rubric-editor__row">
              <label className="peer-review__field rubric-editor__name">
                Criterion {index + 1}
                <input className="input" value={criterion.label} maxLength={200} onChange={(event) => update(index, { label: event.target.value })} data-testid="rubric-editor-label" />
              </label>
              <label className="peer-review__field rubric-editor__bound">
                From
                <input className="input" type="number" min={0} max={9} value={Number.isNaN(criterion.min) ? '' : criterion.min} onChange={(event) => update(index, { min: event.target.valueAsNumber })} />
              </label>
              <label className="peer-review__field rubric-editor__bound">
                to
                <input className="input" type="number" min={1} max={10} value={Number.isNaN(criterion.max) ? '' : criterion.max} onChange={(event) => update(index, { max: event.target.valueAsNumber })} />
              </label>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Remove criterion ${index + 1}${criterion.label ? ` “${criterion.label}”` : ''}`}
                disabled={criteria.length === 1}
                onClick={() => onChange(criteria.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            </div>
            <details className="rubric-editor__levels">
              <summary>What each score means</summary>
              {scaleScores(criterion).map((score) => (
                <label key={score} className="rubric-editor__level">
                  <span className="rubric-editor__score">{score}</span>
                  <input
                    className="input"
                    maxLength={500}
                    placeholder="(no descriptor)"
                    aria-label={`Criterion ${index + 1}, score ${score}: what it means`}
                    value={criterion.descriptors[score] ?? ''}
                    onChange={(event) => update(index, { descriptors: { ...criterion.descriptors, [score]: event.target.value } })}
                  />
                </label>
              ))}
            </details>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="button button--quiet button--small" disabled={criteria.length >= 20} onClick={() => onChange([...criteria, newCriterion(criteria)])} data-testid="rubric-editor-add">
          Add a criterion
        </button>
      </div>
    </fieldset>
  )
}
