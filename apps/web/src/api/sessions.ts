import { sessionResponseSchema, type CreateSessionRequest, type SessionResponse } from '@concord/shared'
import { apiErrorFrom } from './apiError.ts'

/** `POST /api/sessions`: a class session with one board per team. */
export async function createSession(request: CreateSessionRequest): Promise<SessionResponse> {
  const response = await fetch('/api/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return sessionResponseSchema.parse(await response.json())
}

/** `GET /api/sessions/:id` with the instructor token; null when refused (unknown session or wrong token). */
export async function fetchSession(sessionId: string, token: string): Promise<SessionResponse | null> {
  const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}`, { headers: { Authorization: `Bearer ${token}` } })
  if (response.status === 404) return null
  if (!response.ok) throw await apiErrorFrom(response)
  return sessionResponseSchema.parse(await response.json())
}

/** `POST /api/sessions/:id/token/rotate`: revokes the instructor token; the session again, with the new one. */
export async function rotateSessionToken(sessionId: string, token: string): Promise<SessionResponse> {
  const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/token/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
  if (!response.ok) throw await apiErrorFrom(response)
  return sessionResponseSchema.parse(await response.json())
}
