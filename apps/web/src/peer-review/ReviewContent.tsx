import type { RoundComment, RoundReview, RoundRubric, ThreadAnchor } from '@concord/shared'

/** What a comment is pinned to when the design it was about is not at hand: the kind of target only. */
function anchorKind(anchor: RoundComment['anchor']): string {
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

/**
 * A review's rubric scores with their justifications and its pinned comments with their targets,
 * read-only: named by `nameOf` on the reviewed version when given, else by their kind.
 */
export function ReviewContent({
  review,
  rubric,
  nameOf = null,
}: {
  review: RoundReview
  rubric: RoundRubric
  nameOf?: ((anchor: ThreadAnchor) => string | undefined) | null
}) {
  return (
    <>
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
              <span className="peer-review__hint">{nameOf?.(comment.anchor) ?? anchorKind(comment.anchor)}: </span>
              {comment.text}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
