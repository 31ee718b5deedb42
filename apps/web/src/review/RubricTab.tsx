import { aggregateRubrics, RUBRIC_CRITERIA, setRubricEntry, type ReviewAuthor, type RoundCriterion, type RubricCriterionId } from '@concord/shared'
import { useValue } from 'tldraw'
import type { ReviewSession } from './reviewSession.ts'
import { RubricScores } from './RubricScores.tsx'

/** The board review's criteria, each scored 1 to 5 without level descriptors. */
const BOARD_CRITERIA: RoundCriterion[] = RUBRIC_CRITERIA.map(({ id, label }) => ({ id, label, scale: { min: 1, max: 5 }, levels: [] }))

/**
 * The rubric: the team's aggregate, every reviewer's scores and justifications, and (for a
 * reviewer) their own form. Entries are keyed by the reviewer's per-browser id; nobody's form
 * edits another reviewer's entries.
 */
export function RubricTab({ review, author, isReviewer }: { review: ReviewSession; author: ReviewAuthor | null; isReviewer: boolean }) {
  const rubrics = useValue('rubrics', () => review.rubrics.get(), [review])
  const aggregate = aggregateRubrics(rubrics)
  const own = author ? rubrics.find((rubric) => rubric.reviewer.id === author.id) : undefined
  const set = (criterion: RubricCriterionId, change: { score?: number | null; justification?: string }) => {
    if (!author) return
    const current = own?.entries[criterion] ?? { score: null, justification: '' }
    setRubricEntry(review.doc, author, criterion, { ...current, ...change })
  }

  return (
    <div className="rubric-tab">
      <table className="rubric-table" data-testid="rubric-aggregate">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Mean</th>
            <th>Scores</th>
          </tr>
        </thead>
        <tbody>
          {aggregate.map((row) => (
            <tr key={row.criterion} data-criterion={row.criterion}>
              <td>{RUBRIC_CRITERIA.find((c) => c.id === row.criterion)?.label}</td>
              <td data-testid={`rubric-mean-${row.criterion}`}>{row.mean === null ? '–' : row.mean.toFixed(1)}</td>
              <td>{row.scores}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {isReviewer && author && review.canWrite && (
        <section className="rubric-form" data-testid="rubric-form">
          <h3 className="review-subtitle">Your scores</h3>
          <p className="review-hint">From 1 (missing) to 5 (excellent), each with a reason. Saved as you type; the team sees them live.</p>
          <RubricScores
            criteria={BOARD_CRITERIA}
            entries={own?.entries ?? {}}
            onChange={(criterion, change) => set(criterion as RubricCriterionId, change)}
            justify
          />
        </section>
      )}

      <section>
        <h3 className="review-subtitle">Reviewers</h3>
        {rubrics.length === 0 && <p className="review-empty">No reviewer has scored this design yet.</p>}
        {rubrics.map((rubric) => (
          <div key={rubric.reviewer.id} className="rubric-reviewer" data-testid="rubric-reviewer">
            <strong>{rubric.reviewer.name}</strong>
            <ul>
              {RUBRIC_CRITERIA.map(({ id, label }) => {
                const entry = rubric.entries[id]
                if (!entry) return null
                return (
                  <li key={id}>
                    {label}: <strong>{entry.score ?? '–'}</strong>
                    {entry.justification && <span className="rubric-reviewer__why"> · {entry.justification}</span>}
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
      </section>
    </div>
  )
}
