import {
  meResponseSchema,
  rosterResponseSchema,
  roundListResponseSchema,
  roundResponseSchema,
  type MeResponse,
  type RosterResponse,
  type RoundInfo,
  type RoundResponse,
  type RoundSettingsInput,
} from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

const sessionPath = (sessionId: string, rest: string) => `/api/sessions/${encodeURIComponent(sessionId)}${rest}`

/** A request with a bearer token; the parsed JSON body, or an ApiError. */
export async function call(path: string, token: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } })
  if (!response.ok) throw await apiErrorFrom(response)
  return response.json()
}

/** `POST /api/sessions/:id/roster` with CSV text (header `student_id,name,team`): the whole roster with links. */
export async function importRoster(sessionId: string, token: string, csv: string): Promise<RosterResponse> {
  return rosterResponseSchema.parse(await call(sessionPath(sessionId, '/roster'), token, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv }))
}

export async function fetchRoster(sessionId: string, token: string): Promise<RosterResponse> {
  return rosterResponseSchema.parse(await call(sessionPath(sessionId, '/roster'), token))
}

/** `GET /api/sessions/:id/roster.csv`: the students' links, absolute, for mail merge. */
export async function fetchRosterCsv(sessionId: string, token: string): Promise<Blob> {
  const response = await fetch(sessionPath(sessionId, '/roster.csv'), { headers: { Authorization: `Bearer ${token}` } })
  if (!response.ok) throw await apiErrorFrom(response)
  return response.blob()
}

export async function createRound(sessionId: string, token: string, settings: RoundSettingsInput): Promise<RoundResponse> {
  const body = JSON.stringify(settings)
  return roundResponseSchema.parse(await call(sessionPath(sessionId, '/rounds'), token, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }))
}

export async function fetchRounds(sessionId: string, token: string): Promise<RoundInfo[]> {
  return roundListResponseSchema.parse(await call(sessionPath(sessionId, '/rounds'), token)).rounds
}

export async function fetchRound(sessionId: string, token: string, roundId: string): Promise<RoundResponse> {
  return roundResponseSchema.parse(await call(sessionPath(sessionId, `/rounds/${encodeURIComponent(roundId)}`), token))
}

/** `GET /api/me` with a student's token; null when refused (unknown or replaced link). */
export async function fetchMe(token: string): Promise<MeResponse | null> {
  const response = await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } })
  if (response.status === 404) return null
  if (!response.ok) throw await apiErrorFrom(response)
  return meResponseSchema.parse(await response.json())
}
