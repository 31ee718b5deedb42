import type { SessionResponse } from '@concord/shared'

const cell = (value: string | number) => {
  const text = String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The team links of a session as CSV (team, board, editor, reviewer, viewer), absolute with `origin`. */
export function sessionCsv(session: SessionResponse, origin: string): string {
  const rows = [['team', 'board', 'editor link', 'reviewer link', 'viewer link']]
  for (const team of session.teams) {
    rows.push([String(team.team), team.title, ...[team.links.editor, team.links.reviewer, team.links.viewer].map((path) => origin + path)])
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`
}
