import type { Severity } from '@concord/shared'

/**
 * A severity told apart by its shape as well as its colour: an octagon with a cross for an error, a
 * triangle with an exclamation mark for a warning, a circle with an "i" for information.
 */
export function SeverityIcon({ severity, size = 14 }: { severity: Severity; size?: number }) {
  return (
    <svg className={`severity-icon severity-icon--${severity}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden focusable="false">
      {severity === 'error' && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" className="severity-icon__shape" />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" className="severity-icon__mark" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.2l7.2 13.3H.8z" className="severity-icon__shape" />
          <path d="M8 6v4.2M8 12.2v.3" className="severity-icon__mark" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="8" cy="8" r="7" className="severity-icon__shape" />
          <path d="M8 7.2v4.6M8 4.6v.3" className="severity-icon__mark" />
        </>
      )}
    </svg>
  )
}
