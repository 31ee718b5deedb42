import type { RoundCriterion } from '@concord/shared'

/** One criterion's score and why. */
export interface ScoreEntry {
  score: number | null
  justification: string
}

/** Plain scores (a calibration's) as entries without justification. */
export function scoreEntries(scores: Readonly<Record<string, number>>): Record<string, ScoreEntry> {
  return Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, justification: '' }]))
}

function scaleOf({ scale }: RoundCriterion): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index)
}

/**
 * A score per criterion on its scale, each level with its descriptor when the rubric gives one,
 * and (with `justify`) a reason per criterion. Read-only without `onChange`. Used by the board
 * review's rubric, a round review's rubric and the calibration example.
 */
export function RubricScores({
  criteria,
  entries,
  onChange,
  justify,
}: {
  criteria: readonly RoundCriterion[]
  entries: Readonly<Record<string, ScoreEntry | undefined>>
  onChange: ((criterion: string, change: Partial<ScoreEntry>) => void) | null
  justify: boolean
}) {
  return criteria.map((criterion) => {
    const { id, label, levels } = criterion
    const entry = entries[id]
    const descriptors = new Map(levels.map(({ score, descriptor }) => [score, descriptor]))
    return (
      <fieldset key={id} className="rubric-criterion" data-testid={`rubric-${id}`} disabled={!onChange}>
        <legend>{label}</legend>
        <div className={`rubric-scores${descriptors.size > 0 ? ' rubric-scores--levels' : ''}`} role="radiogroup" aria-label={`${label}: score`}>
          {scaleOf(criterion).map((score) => (
            <label key={score} className={`rubric-score${entry?.score === score ? ' rubric-score--chosen' : ''}`}>
              <input type="radio" name={`score-${id}`} checked={entry?.score === score} onChange={() => onChange?.(id, { score })} />
              {score}
              {descriptors.has(score) && <span className="rubric-score__level"> {descriptors.get(score)}</span>}
            </label>
          ))}
        </div>
        {justify && (
          <textarea
            className="input"
            rows={2}
            placeholder={onChange ? 'Why this score?' : undefined}
            aria-label={`${label}: justification`}
            maxLength={5000}
            readOnly={!onChange}
            value={entry?.justification ?? ''}
            onChange={(event) => onChange?.(id, { justification: event.target.value })}
          />
        )}
      </fieldset>
    )
  })
}
