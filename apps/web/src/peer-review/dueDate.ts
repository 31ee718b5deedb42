/** A round's due time as people read it: "4 Dec 2026, 22:48" in the browser's locale and time zone. */
export function formatDue(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
