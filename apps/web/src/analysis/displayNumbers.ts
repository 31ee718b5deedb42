/** How the analysis panel writes its numbers; null (unknown) is always an em dash. */

const UNKNOWN = '—'
const SECONDS_PER_YEAR = 365.25 * 24 * 3600

/**
 * An availability as a percentage with enough digits to tell the nines apart: two decimals, or
 * two past the leading nines after the point (99.97 %, 99.9999 %), at most six.
 */
export function formatAvailability(fraction: number | null): string {
  if (fraction === null) return UNKNOWN
  if (fraction >= 1) return '100 %'
  const nines = Math.max(0, Math.floor(-Math.log10(1 - fraction)) - 2)
  const digits = Math.min(6, Math.max(2, nines + 2))
  return `${(fraction * 100).toFixed(digits).replace(/\.?0+$/, '')} %`
}

/** The downtime a year an availability allows: seconds, minutes, hours or days, whichever reads best. */
export function formatDowntime(fraction: number | null): string {
  if (fraction === null) return UNKNOWN
  const seconds = Math.max(0, (1 - fraction) * SECONDS_PER_YEAR)
  if (seconds < 1) return 'under 1 s/yr'
  if (seconds < 120) return `${Math.round(seconds)} s/yr`
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min/yr`
  if (seconds < 3 * 86400) return `${round1(seconds / 3600)} h/yr`
  return `${round1(seconds / 86400)} d/yr`
}

export function formatMs(ms: number | null): string {
  return ms === null ? UNKNOWN : `${round1(ms)} ms`
}

/** Utilisation as a whole percentage (it may pass 100 %). */
export function formatUtilisation(fraction: number | null): string {
  return fraction === null ? UNKNOWN : `${Math.round(fraction * 100)} %`
}

const euros = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

export function formatCost(perMonth: number | null): string {
  return perMonth === null ? UNKNOWN : `${euros.format(perMonth)}/month`
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10)
}
