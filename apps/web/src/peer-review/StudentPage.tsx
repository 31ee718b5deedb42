import type { MeResponse } from '@concord/shared'
import { PageHeader } from '../ui/PageHeader.tsx'
import { formatDue } from './dueDate.ts'
import { ReceivedReview } from './ReceivedReview.tsx'

function reviewStatus(review: MeResponse['rounds'][number]['assignments'][number]['review']): string {
  if (!review) return 'Not started'
  if (review.status === 'draft') return 'Draft saved'
  return review.late ? 'Submitted (late)' : 'Submitted'
}

/** `/s/<session>/me`: a student's own page: their team's board, the designs they review, the reviews their team received. */
export function StudentPage({ me, token }: { me: MeResponse; token: string }) {
  return (
    <div className="page session student">
      <PageHeader />
      <main className="session__main">
        <div className="session__title-row">
          <div>
            <p className="session__eyebrow">
              {me.session.name} · Team {me.student.team}
            </p>
            <h1 className="session__title">{me.student.name}</h1>
          </div>
        </div>
        <section className="card student__board" aria-labelledby="team-board-title">
          <div>
            <h2 id="team-board-title" className="student__heading">
              Your team’s board
            </h2>
            <p className="peer-review__hint">{me.board.title}</p>
          </div>
          <a className="button button--primary" href={me.board.link} data-testid="student-team-board">
            Open the board
          </a>
        </section>
        {me.rounds.length === 0 && (
          <p className="card peer-review__hint" data-testid="student-no-rounds">
            No review round yet. When your instructor opens one, the designs you review appear here.
          </p>
        )}
        {me.rounds.map((round, index) => (
          <section key={round.id} className="card student__round" aria-labelledby={`round-${round.id}`} data-testid="student-round">
            <h2 id={`round-${round.id}`} className="student__heading">
              Review round {index + 1} · due {formatDue(round.dueAt)}
            </h2>
            {round.anonymity !== 'none' && (
              <p className="peer-review__hint">
                {round.anonymity === 'double'
                  ? 'Double-blind: you do not learn whose design you review, and they do not learn that you reviewed it.'
                  : 'Single-blind: you do not learn whose design you review; the team sees your name with your review.'}
              </p>
            )}
            <h3 className="student__subheading">Designs you review</h3>
            {round.assignments.length === 0 ? (
              <p className="peer-review__hint">Nothing assigned to you in this round.</p>
            ) : (
              <ul className="student__list">
                {round.assignments.map((assignment) => (
                  <li key={assignment.id} className="student__item" data-testid="student-assignment">
                    <strong>{assignment.design}</strong>
                    <span className={`student__status student__status--${assignment.review?.status ?? 'none'}`}>{reviewStatus(assignment.review)}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="student__subheading">Reviews your team received</h3>
            {round.received === null ? (
              <p className="peer-review__hint">Your team had no version submitted for review when this round opened.</p>
            ) : round.received.reviews.length === 0 ? (
              <p className="peer-review__hint">No review submitted yet. Reviews appear here once their reviewers submit them.</p>
            ) : (
              round.received.reviews.map((received) => <ReceivedReview key={received.id} token={token} received={received} rubric={round.rubric} />)
            )}
          </section>
        ))}
      </main>
    </div>
  )
}
