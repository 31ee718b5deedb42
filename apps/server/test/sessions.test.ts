import {
  CATALOG,
  CONTROLS_CHANNEL,
  getRecordsMap,
  parseStateless,
  readAllRecords,
  sessionResponseSchema,
  statelessServerMessageSchema,
  TEMPLATE_KEY,
  type SessionResponse,
} from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const SECRET = 'a test secret that is long enough'
const { start, open } = testResources()

async function createSession(url: string, body: unknown): Promise<Response> {
  return fetch(new URL('/api/sessions', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function newSession(url: string, teams = 3): Promise<SessionResponse> {
  const response = await createSession(url, { name: 'Distributed Systems lab 4', teams, template: CATALOG.templates[0]!.id })
  expect(response.status).toBe(201)
  return sessionResponseSchema.parse(await response.json())
}

describe('class sessions', () => {
  it('creates one board per team; the instructor token is the owner of every board, teams get no owner link', async () => {
    const { url } = await start({ secret: SECRET })
    const session = await newSession(url, 3)
    expect(session.teams.map((t) => t.title)).toEqual([1, 2, 3].map((n) => `Distributed Systems lab 4 · Team ${n}`))
    const instructor = linkToken(session.dashboard)
    for (const team of session.teams) {
      expect(Object.keys(team.links).sort()).toEqual(['editor', 'reviewer', 'viewer'])
      const asInstructor = await apiRequest(url, `/api/boards/${team.boardId}`, instructor)
      // The instructor is told the board's session (the way back to the dashboard); the team is not.
      expect(await asInstructor.json()).toMatchObject({ role: 'owner', title: team.title, session: { id: session.id, name: 'Distributed Systems lab 4' } })
      const asTeam = await apiRequest(url, `/api/boards/${team.boardId}`, linkToken(team.links.editor))
      expect(await asTeam.json()).toMatchObject({ role: 'editor', session: null })
      // Owner rights: the instructor may list the board's links.
      expect((await apiRequest(url, `/api/boards/${team.boardId}/links`, instructor)).status).toBe(200)
    }
    // Every team's board holds the template from the start, under ids of its own.
    const template = CATALOG.templates[0]!
    const shapeIds = new Set<string>()
    for (const team of session.teams) {
      const client = open(url, team.boardId, instructor)
      await synced(client)
      expect(client.doc.getMap('board').get(TEMPLATE_KEY)).toBe(template.id)
      const shapes = readAllRecords(getRecordsMap(client.doc)).filter((record) => record.typeName === 'shape')
      expect(shapes.filter((shape) => shape.type === 'component').map((shape) => (shape.props as { name: string }).name).sort()).toEqual(
        template.components.map((component) => component.name).sort(),
      )
      expect(shapes.filter((shape) => shape.type === 'arrow')).toHaveLength(template.connections.length)
      for (const shape of shapes) shapeIds.add(shape.id)
    }
    expect(shapeIds.size).toBe(session.teams.length * (template.containers.length + template.components.length + template.connections.length))
    // The session lists again for its instructor token only.
    expect(sessionResponseSchema.parse(await (await apiRequest(url, `/api/sessions/${session.id}`, instructor)).json())).toEqual(session)
    expect((await apiRequest(url, `/api/sessions/${session.id}`, linkToken(session.teams[0]!.links.editor))).status).toBe(404)
  })

  it('a session token opens nothing outside its session', async () => {
    const { url } = await start({ secret: SECRET })
    const one = await newSession(url, 1)
    const other = await newSession(url, 1)
    const loose = await createBoard(url)
    const token = linkToken(one.dashboard)
    expect((await apiRequest(url, `/api/boards/${other.teams[0]!.boardId}`, token)).status).toBe(404)
    expect((await apiRequest(url, `/api/boards/${loose.id}`, token)).status).toBe(404)
    expect((await apiRequest(url, `/api/sessions/${other.id}`, token)).status).toBe(404)
    const refused = open(url, other.teams[0]!.boardId, token)
    await expect.poll(() => refused.refusal).toBe('board not found or link invalid')
  })

  it('a broadcast from any board of the session reaches every team’s board, open or not', async () => {
    const { url } = await start({ secret: SECRET })
    const session = await newSession(url, 3)
    const [one, two, three] = session.teams as [SessionResponse['teams'][number], SessionResponse['teams'][number], SessionResponse['teams'][number]]
    const instructor = open(url, one.boardId, linkToken(session.dashboard))
    const teamTwo = open(url, two.boardId, linkToken(two.links.editor))
    const broadcastSeen = (client: TestClient) => {
      const seen = { text: null as string | null }
      client.provider.on('stateless', ({ payload }: { payload: string }) => {
        const message = parseStateless(statelessServerMessageSchema, payload)
        if (message?.channel === CONTROLS_CHANNEL && message.type === 'state') seen.text = message.controls.broadcast?.text ?? null
      })
      return seen
    }
    const atTwo = broadcastSeen(teamTwo)
    await Promise.all([synced(instructor), synced(teamTwo)])
    instructor.provider.sendStateless(JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command: { op: 'broadcast', text: 'Ten minutes left' } }))
    await waitFor(() => atTwo.text !== null, { what: 'the broadcast at team 2, open' })
    expect(atTwo.text).toBe('Ten minutes left')
    // Team 3 opens its board later and finds the message.
    const teamThree = open(url, three.boardId, linkToken(three.links.viewer))
    const atThree = broadcastSeen(teamThree)
    await waitFor(() => atThree.text !== null, { what: 'the broadcast at team 3, opened afterwards' })
    expect(atThree.text).toBe('Ten minutes left')
    // Clearing it clears it everywhere.
    instructor.provider.sendStateless(JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command: { op: 'broadcast-clear' } }))
    await waitFor(() => atTwo.text === null && atThree.text === null, { what: 'the broadcast cleared on every team board' })
  })

  it('refuses invalid sessions with the reason', async () => {
    const { url } = await start({ secret: SECRET })
    for (const [body, reason] of [
      [{ name: '', teams: 2 }, 'name must not be empty'],
      [{ name: 'Lab', teams: 41 }, 'at most 40 teams'],
      [{ name: 'Lab', teams: 0 }, 'at least 1 team'],
      [{ name: 'Lab', teams: 2, template: 'no-such-template' }, 'unknown template'],
    ] as const) {
      const response = await createSession(url, body)
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain(reason)
    }
  })
})
