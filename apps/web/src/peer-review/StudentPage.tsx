import type { MeResponse } from '@concord/shared'
import { PageHeader } from '../ui/PageHeader.tsx'
import { formatDue } from './dueDate.ts'
import { ReceivedReviews } from './ReceivedReviews.tsx'
import { calibrationHref, roundReviewHref } from './studentLinks.ts'

function reviewStatus(review: MeResponse['rounds'][number]['assignments'][number]['review']): string {
  if (!review) return 'Not started'
  if (review.status === 'draft') return 'Draft saved'
  return review.late ? 'Submitted (late)' : 'Submitted'
}

function reviewAction(review: MeResponse['rounds'][number]['assignments'][number]['review']): string {
  if (!review) return 'Review'
  return review.status === 'draft' ? 'Continue' : 'Open'
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
            {round.calibration && (
              <div className={`student__calibration${round.calibrated ? '' : ' student__calibration--pending'}`} data-testid="student-calibration">
                {round.calibrated ? (
                  <p className="peer-review__hint">You scored the example design: your reviews are open.</p>
                ) : (
                  <>
                    <div>
                      <h3 className="student__subheading">First: score the example design</h3>
                      <p className="peer-review__hint">Score one example with the rubric before you review your classmates. You give these scores once.</p>
                    </div>
                    <a className="button button--primary" href={calibrationHref(me.session.id, round.id, token)} data-testid="student-calibrate">
                      Score the example
                    </a>
                  </>
                )}
              </div>
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
                    {round.calibration && !round.calibrated ? (
                      <button type="button" className="button button--small" disabled aria-describedby={`calibration-first-${round.id}`}>
                        {reviewAction(assignment.review)}
                      </button>
                    ) : (
                      <a
                        className={`button button--small${assignment.review?.status === 'submitted' ? '' : ' button--primary'}`}
                        href={roundReviewHref(me.session.id, assignment.id, token)}
                        data-testid="student-assignment-open"
                      >
                        {reviewAction(assignment.review)}
                        <span className="visually-hidden"> {assignment.design}</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {round.calibration && !round.calibrated && round.assignments.length > 0 && (
              <p id={`calibration-first-${round.id}`} className="peer-review__hint">
                Your reviews open once you have scored the example design.
              </p>
            )}
            <h3 className="student__subheading">Reviews your team received</h3>
            {round.received === null ? (
              <p className="peer-review__hint">Your team had no version submitted for review when this round opened.</p>
            ) : round.received.reviews.length === 0 ? (
              <p className="peer-review__hint">No review submitted yet. Reviews appear here once their reviewers submit them.</p>
            ) : (
              <ReceivedReviews me={me} token={token} round={round} received={round.received} />
            )}
          </section>
        ))}
      </main>
    </div>
  )
}
