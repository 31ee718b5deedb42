import { meResponseSchema, rosterResponseSchema, roundResponseSchema, sessionResponseSchema, type MeResponse, type RoundResponse, type SessionResponse } from '@concord/shared'
import { expect } from 'vitest'
import { apiRequest, linkToken } from '@concord/test-kit/api'

/** Peer-review steps over HTTP, as an instructor and students take them. */

/** Six students, two per team. */
export const ROSTER_CSV = [
  'student_id,name,team',
  '1001,Zelda Quartz,1',
  '1002,"Oberon, Yannick",1',
  '2001,Ann Bell,2',
  '2002,Bo Chen,2',
  '3001,Cy Dunn,3',
  '3002,Dee Eng,3',
].join('\r\n')

export async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
  return response.json()
}

export async function newSession(url: string): Promise<{ session: SessionResponse; instructor: string }> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Peer lab', teams: 3, template: null }),
  })
  const session = sessionResponseSchema.parse(await json(response))
  return { session, instructor: linkToken(session.dashboard) }
}

export async function importRoster(url: string, sessionId: string, instructor: string, body: string, type = 'text/csv') {
  const response = await apiRequest(url, `/api/sessions/${sessionId}/roster`, instructor, { method: 'POST', headers: { 'content-type': type }, body })
  return rosterResponseSchema.parse(await json(response))
}

/** The team submits its live board for review under `name`; the version's id. */
export async function submit(url: string, team: SessionResponse['teams'][number], name: string): Promise<string> {
  const response = await apiRequest(url, `/api/boards/${team.boardId}/versions`, linkToken(team.links.editor), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return ((await json(response)) as { id: string }).id
}

export async function openRound(url: string, sessionId: string, instructor: string, settings: Record<string, unknown>): Promise<RoundResponse> {
  const response = await apiRequest(url, `/api/sessions/${sessionId}/rounds`, instructor, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dueAt: Date.now() + 3_600_000, ...settings }),
  })
  expect(response.status).toBe(201)
  return roundResponseSchema.parse(await response.json())
}

export async function me(url: string, token: string): Promise<MeResponse> {
  return meResponseSchema.parse(await json(await apiRequest(url, '/api/me', token)))
}

export function putReview(url: string, token: string, assignmentId: string, body: unknown): Promise<Response> {
  return apiRequest(url, `/api/me/reviews/${assignmentId}`, token, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}
