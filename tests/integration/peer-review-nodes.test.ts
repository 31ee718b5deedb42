import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meResponseSchema, roundResponseSchema, rosterResponseSchema, sessionResponseSchema } from '@concord/shared'
import { apiRequest, linkToken } from '@concord/test-kit/api'
import { findPostgresBin, PostgresProcess } from '../support/postgres-process.ts'
import { ServerProcess } from '../support/server-process.ts'

const postgresBin = findPostgresBin()
const inCi = process.env.CI === 'true'
if (!postgresBin && !inCi) {
  console.warn('\n*** SKIPPED: the peer review across nodes test needs the Debian package postgresql (.ci/run installs it). ***\n')
}

async function call(url: string, path: string, token: string, method = 'GET', body?: unknown): Promise<unknown> {
  const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  const response = await apiRequest(url, path, token, init)
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

// Rounds live in the database: each step below goes to the other node than the step before.
describe.skipIf(!postgresBin && !inCi)('peer review on two nodes sharing PostgreSQL', () => {
  let postgres: PostgresProcess | undefined
  let node1: ServerProcess
  let node2: ServerProcess

  beforeAll(async () => {
    if (!postgresBin) throw new Error('CI=true but PostgreSQL is not installed (.ci/run installs it)')
    postgres = new PostgresProcess()
    await postgres.start(postgresBin)
    const env = { DATABASE_URL: postgres.url, CONCORD_SECRET: 'peer-review-nodes-secret-0123456789' }
    node1 = new ServerProcess({ env })
    node2 = new ServerProcess({ env })
    await Promise.all([node1.start(), node2.start()])
  }, 90_000)

  afterAll(async () => {
    await Promise.all([node1?.dispose(), node2?.dispose()])
    await postgres?.dispose()
  })

  it('imports, opens a round, reviews and reads progress on either node', async () => {
    const created = await fetch(new URL('/api/sessions', node1.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nodes', teams: 3, template: null }),
    })
    const session = sessionResponseSchema.parse(await created.json())
    const instructor = linkToken(session.dashboard)
    const rosterCsv = 'student_id,name,team\n1,Ann,1\n2,Bo,2\n3,Cy,3\n'
    const response = await apiRequest(node2.url, `/api/sessions/${session.id}/roster`, instructor, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: rosterCsv })
    const roster = rosterResponseSchema.parse(await response.json())
    for (const team of session.teams) await call(node1.url, `/api/boards/${team.boardId}/versions`, linkToken(team.links.editor), 'POST', { name: `Team ${team.team}` })
    const round = roundResponseSchema.parse(await call(node2.url, `/api/sessions/${session.id}/rounds`, instructor, 'POST', { dueAt: Date.now() + 60_000, anonymity: 'double' }))
    expect(round.assignments).toHaveLength(6)

    const ann = linkToken(roster.students[0]!.link)
    const page = meResponseSchema.parse(await call(node1.url, '/api/me', ann))
    const assignment = page.rounds[0]!.assignments[0]!
    const version = (await call(node2.url, `/api/me/reviews/${assignment.id}/version`, ann)) as { name: string }
    expect(version.name).toBe(assignment.design)
    const scores = Object.fromEntries(round.rubric.criteria.map(({ id }) => [id, { score: 3, justification: '' }]))
    await call(node1.url, `/api/me/reviews/${assignment.id}`, ann, 'PUT', { comments: [], scores })
    await call(node2.url, `/api/me/reviews/${assignment.id}/submit`, ann, 'POST')
    const progress = roundResponseSchema.parse(await call(node1.url, `/api/sessions/${session.id}/rounds/${round.id}`, instructor))
    expect(progress.assignments.find(({ id }) => id === assignment.id)?.review?.status).toBe('submitted')
  })
})
