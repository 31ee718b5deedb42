import { afterAll, describe, expect, it } from 'vitest'
import { sessionResponseSchema, type SessionResponse } from '@concord/shared'
import { linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'

const TEAMS = 3

async function api(url: string, path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('authorization', `Bearer ${init.token}`)
  if (init.body) headers.set('content-type', 'application/json')
  return fetch(new URL(path, url), { ...init, headers })
}

describe('instructor token rotation', () => {
  const server = new ServerProcess()
  afterAll(() => server.dispose())

  it('a rotated instructor token is refused on every team board at once, and its open connections end', { timeout: 60_000 }, async () => {
    await server.start()
    const created = await api(server.url, '/api/sessions', { method: 'POST', body: JSON.stringify({ name: 'Class', teams: TEAMS }) })
    const session: SessionResponse = sessionResponseSchema.parse(await created.json())
    const oldToken = linkToken(session.dashboard)
    // The instructor has every team board open.
    const open = await Promise.all(session.teams.map((team) => connectBoard(server.url, team.boardId, oldToken)))
    const closed = open.map(() => false)
    open.forEach((provider, index) => provider.on('authenticationFailed', () => (closed[index] = true)))

    const rotated = await api(server.url, `/api/sessions/${session.id}/token/rotate`, { method: 'POST', token: oldToken })
    expect(rotated.status).toBe(200)
    const after: SessionResponse = sessionResponseSchema.parse(await rotated.json())
    const newToken = linkToken(after.dashboard)
    expect(newToken).not.toBe(oldToken)
    expect(after.teams.map((team) => linkToken(team.instructor))).toEqual(session.teams.map(() => newToken))

    await waitFor(() => closed.every(Boolean), { timeoutMs: 10_000, what: 'the open instructor connections to be refused' })
    for (const team of session.teams) {
      await expect(connectBoard(server.url, team.boardId, oldToken)).rejects.toThrow(/authentication failed/)
      expect((await api(server.url, `/api/boards/${team.boardId}`, { token: oldToken })).status).toBe(404)
      expect((await api(server.url, `/api/boards/${team.boardId}`, { token: newToken })).status).toBe(200)
    }
    expect((await api(server.url, `/api/sessions/${session.id}`, { token: oldToken })).status).toBe(404)
    expect((await api(server.url, `/api/sessions/${session.id}/token/rotate`, { method: 'POST', token: oldToken })).status).toBe(404)
    expect((await api(server.url, `/api/sessions/${session.id}`, { token: newToken })).status).toBe(200)
    // The teams' own links are untouched.
    const editor = await connectBoard(server.url, session.teams[0]!.boardId, linkToken(session.teams[0]!.links.editor))
    editor.destroy()
    for (const provider of open) provider.destroy()
  })
})
