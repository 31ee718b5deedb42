import type { DesignDecision } from '@concord/shared'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** One decision record as it reads: title, status, date, then MADR's fields. */
export function DecisionCard({ decision, onEdit, onRemove }: { decision: DesignDecision; onEdit?(): void; onRemove?(): void }) {
  const field = (label: string, text: string) =>
    text.trim() && (
      <>
        <dt>{label}</dt>
        <dd>{text}</dd>
      </>
    )
  const updated = dateFormat.format(decision.updatedAt)
  const recorded = dateFormat.format(decision.createdAt)
  const written = [decision.context, decision.decision, decision.consequences].some((text) => text.trim()) || decision.options.length > 0
  return (
    <article className="design-decision" data-testid="design-decision">
      <header className="design-decision__header">
        <h4 className="design-decision__title">{decision.title}</h4>
        <span className={`design-status design-status--${decision.status}`}>{decision.status}</span>
      </header>
      <p className="design-decision__date">
        {updated}
        {recorded !== updated && ` (recorded ${recorded})`}
      </p>
      {written ? (
        <details className="design-decision__details">
          <summary>Context, options and consequences</summary>
          <dl>
            {field('Context and problem', decision.context)}
            {decision.options.length > 0 && (
              <>
                <dt>Considered options</dt>
                <dd>
                  <ul>
                    {decision.options.map((option, i) => (
                      <li key={i}>{option}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {field('Decision outcome', decision.decision)}
            {field('Consequences', decision.consequences)}
          </dl>
        </details>
      ) : (
        <p className="design-empty">Context, options and outcome not written yet.</p>
      )}
      {onEdit && onRemove && (
        <div className="design-decision__actions">
          <button type="button" className="design-link" onClick={onEdit} aria-label={`Edit decision: ${decision.title}`}>
            Edit
          </button>
          <button type="button" className="design-link design-link--danger" onClick={onRemove} aria-label={`Remove decision: ${decision.title}`}>
            Remove
          </button>
        </div>
      )}
    </article>
  )
}
