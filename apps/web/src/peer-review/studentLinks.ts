/** A student's pages, each with their token in the fragment as their personal link has it (never sent to the server in a URL). */

const fragment = (token: string) => `#k=${encodeURIComponent(token)}`
const mePath = (sessionId: string) => `/s/${encodeURIComponent(sessionId)}/me`

export function studentPageHref(sessionId: string, token: string): string {
  return `${mePath(sessionId)}${fragment(token)}`
}

export function roundReviewHref(sessionId: string, assignmentId: string, token: string): string {
  return `${mePath(sessionId)}/review/${encodeURIComponent(assignmentId)}${fragment(token)}`
}

export function calibrationHref(sessionId: string, roundId: string, token: string): string {
  return `${mePath(sessionId)}/calibration/${encodeURIComponent(roundId)}${fragment(token)}`
}
