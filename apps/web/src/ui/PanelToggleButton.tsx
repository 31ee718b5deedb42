/**
 * A bar button that opens and closes a panel (Design, Analysis, Review), with the number of things
 * open in it when there are any; `countLabel` reads the number out for screen readers.
 */
export function PanelToggleButton({
  label,
  shown,
  count,
  countLabel,
  testId,
  countTestId,
  title,
  onToggle,
}: {
  label: string
  shown: boolean
  count?: number
  countLabel?: string
  testId: string
  countTestId?: string
  title?: string
  onToggle(): void
}) {
  return (
    <button type="button" className={`button button--quiet panel-toggle${shown ? ' panel-toggle--active' : ''}`} aria-pressed={shown} data-testid={testId} title={title} onClick={onToggle}>
      {label}
      {count !== undefined && count > 0 && (
        <span className="panel-toggle__count" data-testid={countTestId}>
          {count}
          {countLabel && <span className="visually-hidden"> {countLabel}</span>}
        </span>
      )}
    </button>
  )
}
