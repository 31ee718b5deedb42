import type { RoundComment, RoundReview, RoundRubric } from '@concord/shared'

function anchorText(anchor: RoundComment['anchor']): string {
  switch (anchor.kind) {
    case 'property':
      return `on property “${anchor.property}”`
    case 'arrow':
      return 'on a connection'
    case 'shape':
      return 'on a component'
    case 'point':
      return 'on the canvas'
  }
}

/** One submitted review of the team's design: the rubric scores and the pinned comments. */
export function ReceivedReview({ reviewer, review, rubric }: { reviewer: string; review: RoundReview; rubric: RoundRubric }) {
  return (
    <article className="student__review" data-testid="student-received-review">
      <h4 className="student__reviewer">
        {reviewer}
        {review.late && <span className="peer-review__hint"> · late</span>}
      </h4>
      <dl className="student__scores">
        {rubric.criteria.map((criterion) => {
          const score = review.scores[criterion.id]
          return (
            <div key={criterion.id} className="student__score">
              <dt>{criterion.label}</dt>
              <dd>
                {score?.score ?? '–'} / {criterion.scale.max}
                {score?.justification && <span className="peer-review__hint"> · {score.justification}</span>}
              </dd>
            </div>
          )
        })}
      </dl>
      {review.comments.length > 0 && (
        <ul className="student__comments">
          {review.comments.map((comment) => (
            <li key={comment.id}>
              <span className="peer-review__hint">{anchorText(comment.anchor)}: </span>
              {comment.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
