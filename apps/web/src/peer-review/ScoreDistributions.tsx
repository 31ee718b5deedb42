import type { RoundResponse } from '@concord/shared'
import { gradeBins } from './gradeBins.ts'
import { Histogram } from './Histogram.tsx'


/** How the counted reviews scored each criterion, and how the submission and review scores spread. */
export function ScoreDistributions({ round }: { round: RoundResponse }) {
  const { criteria, students } = round.progress
  const counted = criteria.reduce((sum, { counts }) => Math.max(sum, counts.reduce((a, b) => a + b, 0)), 0)
  // A team's submission score is repeated on each of its students: one per team.
  const submissionScores = [...new Map(students.map(({ team, submissionScore }) => [team, submissionScore])).values()].filter((score) => score !== null)
  const reviewScores = students.flatMap(({ reviewScore }) => (reviewScore === null ? [] : [reviewScore]))
  return (
    <section className="peer-review__block" aria-labelledby="round-distributions-title" data-testid="round-distributions">
      <h3 id="round-distributions-title">Score distributions</h3>
      {counted === 0 ? (
        <p className="peer-review__hint">No review counts yet: the distributions appear once reviewers submit (hidden reviews are left out).</p>
      ) : (
        <>
          <p className="peer-review__hint">Counted reviews per score of each criterion (hidden reviews left out).</p>
          <div className="histograms">
            {round.rubric.criteria.map((criterion) => {
              const counts = criteria.find(({ id }) => id === criterion.id)?.counts ?? []
              const bins = counts.map((count, index) => ({ label: String(criterion.scale.min + index), count }))
              return <Histogram key={criterion.id} title={criterion.label} bins={bins} unit="reviews" />
            })}
          </div>
          <div className="histograms histograms--grades">
            <Histogram title={`Submission scores (${submissionScores.length} teams)`} bins={gradeBins(submissionScores)} unit="teams" />
            <Histogram title={`Review scores (${reviewScores.length} students)`} bins={gradeBins(reviewScores)} unit="students" />
          </div>
        </>
      )}
    </section>
  )
}
