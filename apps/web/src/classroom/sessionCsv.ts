import { formatCsv, type SessionResponse } from '@concord/shared'

/** The team links of a session as CSV (team, board, editor, reviewer, viewer), absolute with `origin`. */
export function sessionCsv(session: SessionResponse, origin: string): string {
  const rows = [['team', 'board', 'editor link', 'reviewer link', 'viewer link']]
  for (const team of session.teams) {
    rows.push([String(team.team), team.title, ...[team.links.editor, team.links.reviewer, team.links.viewer].map((path) => origin + path)])
  }
  return formatCsv(rows)
}
