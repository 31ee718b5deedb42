import {
  DOCUMENT_RECORD_ID,
  boardDocumentName,
  getRecordsMap,
  meResponseSchema,
  reviewDocumentName,
  roundResponseSchema,
  writeRecord,
  type RoundResponse,
} from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { apiRequest, linkToken } from '@concord/test-kit/api'
import { isPermissionDenied } from '@concord/test-kit/frames'
import { RawCollabSocket } from '@concord/test-kit/raw-collab'
import { waitFor } from '@concord/test-kit/wait'
import { importRoster, json, me, newSession, openRound, putReview, ROSTER_CSV, submit } from './helpers/peer-review.ts'
import { testResources } from './helpers/resources.ts'

const SECRET = 'a test secret that is long enough'
const { start, open, track } = testResources()

// Team 1's members and title are what a single-blind reviewer must never see.
const TEAM_1_SECRETS = ['Zelda', 'Quartz', 'Oberon', 'Yannick', 'Peer lab · Team 1', 'Zelda’s final design']

const IMAGE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3])
const IMAGE_RECORD_ID = 'asset:team-photo'

const FULL_SCORES = Object.fromEntries(['functional', 'nonFunctional', 'tradeoffs', 'scalability', 'resilience', 'clarity'].map((id) => [id, { score: 4, justification: '' }]))

/**
 * A session of three teams with the roster imported; teams 1 and 2 submitted (team 1 twice, its
 * board's document record named after a member; team 2 restored its version, which leaves a
 * "Before restoring" backup), team 3 did not.
 */
async function classWithSubmissions(url: string) {
  const { session, instructor } = await newSession(url)
  const roster = await importRoster(url, session.id, instructor, ROSTER_CSV)
  const [team1, team2] = session.teams
  const writer = open(url, team1!.boardId, linkToken(team1!.links.editor))
  await synced(writer)
  writer.provider.awareness!.setLocalStateField('user', { name: 'Zelda Quartz', color: '#123456' })
  // An image in the team's asset store, whose URL names the board, under a file name naming a member.
  const uploaded = await apiRequest(url, `/api/boards/${team1!.boardId}/assets`, linkToken(team1!.links.editor), { method: 'POST', headers: { 'content-type': 'image/png' }, body: IMAGE })
  const { src } = (await json(uploaded)) as { src: string }
  writer.doc.transact(() => {
    const records = getRecordsMap(writer.doc)
    writeRecord(records, { id: DOCUMENT_RECORD_ID, typeName: 'document', gridSize: 10, name: 'Zelda Quartz board', meta: {} })
    writeRecord(records, {
      id: IMAGE_RECORD_ID,
      typeName: 'asset',
      type: 'image',
      props: { name: 'Zelda Quartz.png', src, w: 1, h: 1, mimeType: 'image/png', isAnimated: false, fileSize: IMAGE.byteLength },
      meta: {},
    })
  })
  await acknowledged(writer)
  const team1Draft = await submit(url, team1!, 'Zelda’s draft')
  const team1Version = await submit(url, team1!, 'Zelda’s final design')
  const team2Version = await submit(url, team2!, 'v1')
  const restored = await apiRequest(url, `/api/boards/${team2!.boardId}/versions/${team2Version}/restore`, instructor, { method: 'POST' })
  expect(restored.status).toBe(204)
  const token = (studentId: string) => linkToken(roster.students.find((s) => s.studentId === studentId)!.link)
  return { session, instructor, roster, token, team1Draft, team1Version, team2Version }
}

describe('peer review rounds', () => {
  it('imports a roster with personal links, and opens a round on each team’s latest submission, listing teams without one', async () => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor, roster, team1Version, team2Version } = await classWithSubmissions(url)
    expect(roster.students.map(({ studentId, name, team }) => [studentId, name, team])).toEqual([
      ['1001', 'Zelda Quartz', 1],
      ['1002', 'Oberon, Yannick', 1],
      ['2001', 'Ann Bell', 2],
      ['2002', 'Bo Chen', 2],
      ['3001', 'Cy Dunn', 3],
      ['3002', 'Dee Eng', 3],
    ])
    for (const { link } of roster.students) expect(link).toMatch(new RegExp(`^/s/${session.id}/me#k=student\\.`))
    expect(await importRoster(url, session.id, instructor, JSON.stringify({ students: [{ studentId: '3001', name: 'Cy Dunn', team: 3 }] }), 'application/json')).toEqual(roster)
    const csv = await (await apiRequest(url, `/api/sessions/${session.id}/roster.csv`, instructor)).text()
    expect(csv.split('\n')[0]).toBe('student_id,name,team,link')
    expect(csv).toContain(`"Oberon, Yannick",1,${url}/s/${session.id}/me#k=student.`)
    // Per-row errors, and teams the session does not have.
    const bad = await apiRequest(url, `/api/sessions/${session.id}/roster`, instructor, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'student_id,name,team\n9,,1\n' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toBe('line 2: name must not be empty')
    const stray = await apiRequest(url, `/api/sessions/${session.id}/roster`, instructor, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'student_id,name,team\n9,Nine,4\n' })
    expect(stray.status).toBe(400)
    // Only the instructor's token manages the roster and rounds.
    const student = linkToken(roster.students[0]!.link)
    expect((await apiRequest(url, `/api/sessions/${session.id}/roster`, student)).status).toBe(404)
    expect((await apiRequest(url, `/api/sessions/${session.id}/rounds`, student, { method: 'POST' })).status).toBe(404)

    const round = await openRound(url, session.id, instructor, { anonymity: 'single', seed: 42 })
    expect(round.seed).toBe(42)
    expect(round.missing).toEqual([3])
    expect(round.submissions.map(({ team, versionId }) => [team, versionId])).toEqual([
      [1, team1Version],
      [2, team2Version],
    ])
    const teamOf = new Map(roster.students.map((s) => [s.studentId, s.team]))
    for (const assignment of round.assignments) expect(teamOf.get(assignment.studentId)).not.toBe(assignment.team)
    // Two submissions: teams 1 and 2 review each other once, team 3 reviews both.
    expect(round.assignments.filter((a) => a.studentId.startsWith('3'))).toHaveLength(4)
    expect(round.assignments).toHaveLength(8)
    const again = await openRound(url, session.id, instructor, { anonymity: 'single', seed: 42 })
    const pairs = (r: RoundResponse) => r.assignments.map(({ studentId, team, pseudonym }) => [studentId, team, pseudonym]).sort()
    expect(pairs(again)).toEqual(pairs(round))
    const progress = roundResponseSchema.parse(await json(await apiRequest(url, `/api/sessions/${session.id}/rounds/${round.id}`, instructor)))
    expect(progress.assignments.every(({ review }) => review === null)).toBe(true)
  })

  it('opens a student’s own team board as editor, their assigned version under a pseudonym, and nothing else', async () => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor, token, team1Draft, team1Version } = await classWithSubmissions(url)
    await openRound(url, session.id, instructor, { anonymity: 'single', seed: 7 })
    const [team1, team2, team3] = session.teams
    const ann = token('2001')
    expect(((await json(await apiRequest(url, `/api/boards/${team2!.boardId}`, ann))) as { role: string }).role).toBe('editor')
    await synced(open(url, team2!.boardId, ann))

    const page = await me(url, ann)
    expect(page.board).toMatchObject({ id: team2!.boardId, title: 'Peer lab · Team 2' })
    const [assignment] = page.rounds[0]!.assignments
    expect(assignment).toMatchObject({ versionId: team1Version, design: expect.stringMatching(/^Design [AB]$/) })
    const versionPath = `/api/me/reviews/${assignment!.id}/version`
    const version = (await json(await apiRequest(url, versionPath, ann))) as { id: string; name: string; records: Array<{ typeName: string; name?: string }> }
    expect(version).toMatchObject({ id: team1Version, name: assignment!.design })
    expect(version.records.find((record) => record.typeName === 'document')?.name).toBe('')
    // The version of someone else's assignment is refused like an unknown one.
    const unknownVersion = await apiRequest(url, '/api/me/reviews/no-such-assignment/version', ann)
    const othersVersion = await apiRequest(url, versionPath, token('2002'))
    expect([othersVersion.status, await othersVersion.json()]).toEqual([unknownVersion.status, await unknownVersion.json()])
    expect(unknownVersion.status).toBe(404)

    // Refused as if they did not exist: the reviewed team's live board (HTTP and websocket), its
    // versions by board (the assigned one too: the student reads it only by assignment), its list of versions and reports, and a board the student has nothing to do with.
    const refusedPaths = [
      `/api/boards/${team1!.boardId}`,
      `/api/boards/${team1!.boardId}/versions`,
      `/api/boards/${team1!.boardId}/versions/${team1Version}`,
      `/api/boards/${team1!.boardId}/versions/${team1Draft}`,
      `/api/boards/${team1!.boardId}/report.md`,
      `/api/boards/${team1!.boardId}/versions/${team1Version}/report.md`,
      `/api/boards/${team3!.boardId}`,
      `/api/boards/${team3!.boardId}/versions`,
    ]
    for (const path of refusedPaths) {
      const response = await apiRequest(url, path, ann)
      const unknown = await apiRequest(url, path, 'owner.0.AAAAAAAAAAAAAAAAAAAAAA')
      expect({ path, status: response.status, body: await response.json() }).toEqual({ path, status: 404, body: await unknown.json() })
    }
    for (const boardId of [team1!.boardId, team3!.boardId]) {
      const refused = open(url, boardId, ann)
      await waitFor(() => refused.refusal, { what: 'the refusal' })
    }

    // Rotating the student's link revokes the old one.
    const rotated = await apiRequest(url, `/api/sessions/${session.id}/roster/2001/rotate`, instructor, { method: 'POST' })
    const fresh = linkToken(((await json(rotated)) as { link: string }).link)
    expect((await apiRequest(url, '/api/me', ann)).status).toBe(404)
    expect((await me(url, fresh)).student.studentId).toBe('2001')
  })

  it.each(['single', 'double'])('under %s-blind, no HTTP answer or websocket frame the reviewer gets names the reviewed team, its members or its board', async (anonymity) => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor, token, team1Draft, team1Version } = await classWithSubmissions(url)
    const [team1, team2, team3] = session.teams
    // The calibration example is team 1's earlier version: its board must not show either.
    const calibration = { boardId: team1!.boardId, versionId: team1Draft, scores: Object.fromEntries(Object.keys(FULL_SCORES).map((id) => [id, 3])) }
    const round = await openRound(url, session.id, instructor, { anonymity, seed: 3, calibration })
    const reviewer = token('2001')
    const received: string[] = []
    const get = async (path: string) => {
      const text = await (await apiRequest(url, path, reviewer)).text()
      received.push(text)
      return text
    }
    const page = meResponseSchema.parse(JSON.parse(await get('/api/me')))
    const [assignment] = page.rounds[0]!.assignments
    expect(assignment!.versionId).toBe(team1Version)
    const versionText = await get(`/api/me/reviews/${assignment!.id}/version`)
    expect((JSON.parse(versionText) as { name: string }).name).toBe(assignment!.design)
    const example = JSON.parse(await get(`/api/me/rounds/${round.id}/calibration/version`)) as { id: string; name: string }
    expect(example).toMatchObject({ id: team1Draft, name: 'Calibration example' })
    // The version's image is still there to see, loaded through the round.
    const image = (JSON.parse(versionText) as { records: Array<{ id: string; props?: { src?: string } }> }).records.find(({ id }) => id === IMAGE_RECORD_ID)
    const imageSrc = image?.props?.src ?? ''
    expect(imageSrc).toMatch(/^\/api\/rounds\//)
    const served = await fetch(`${url}${imageSrc}`)
    expect(served.status).toBe(200)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(IMAGE)
    expect((await fetch(`${url}${imageSrc.replace('team-photo', 'other')}`)).status).toBe(404)
    for (const path of [`/api/boards/${team1!.boardId}`, `/api/boards/${team1!.boardId}/versions`, `/api/boards/${team1!.boardId}/report.html`]) await get(path)
    const calibrated = await apiRequest(url, `/api/me/rounds/${round.id}/calibration`, reviewer, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scores: calibration.scores }),
    })
    received.push(await calibrated.text())
    const review = await putReview(url, reviewer, assignment!.id, { comments: [], scores: FULL_SCORES })
    expect(review.status).toBe(200)
    received.push(await review.text())
    received.push(await get(`/api/me/reviews/${assignment!.id}`))

    // Websocket frames: the reviewer's own board (where team 1 is not), and team 1's documents (refused).
    const own = open(url, team2!.boardId, reviewer)
    const frames: Uint8Array[] = []
    own.provider.on('message', ({ event }: { event: MessageEvent }) => frames.push(new Uint8Array(event.data as ArrayBuffer)))
    await synced(own)
    const refusals: Uint8Array[] = []
    for (const name of [boardDocumentName(team1!.boardId), reviewDocumentName(team1!.boardId)]) {
      // Opening waits for the server's answer to the authentication: the refusal.
      const raw = await RawCollabSocket.open(url, name, reviewer)
      track({ destroy: () => raw.close() })
      expect(raw.received.some(isPermissionDenied)).toBe(true)
      refusals.push(...raw.received)
    }
    const decoder = new TextDecoder('utf-8', { fatal: false })
    const answers = [...received, ...frames.map((frame) => decoder.decode(frame))].join('\n')
    const everything = [answers, ...refusals.map((frame) => decoder.decode(frame))].join('\n')
    expect(frames.length).toBeGreaterThan(0)
    expect(TEAM_1_SECRETS.filter((secret) => everything.includes(secret))).toEqual([])
    // Nor any board but the reviewer's own: a board's id tells which team's design it is. (The
    // refusals repeat the document name the test itself sent, so they do not count here.)
    expect([team1!.boardId, team3!.boardId].filter((boardId) => answers.includes(boardId))).toEqual([])
    // They are there to be leaked: the instructor sees the names, team 1 its title, version names and records.
    expect(await (await apiRequest(url, `/api/sessions/${session.id}/rounds/${round.id}`, instructor)).text()).toContain('Zelda’s final design')
    expect(JSON.stringify(await me(url, token('1001')))).toContain('Peer lab · Team 1')
    const asTeam = await (await apiRequest(url, `/api/boards/${team1!.boardId}/versions/${team1Version}`, linkToken(team1!.links.editor))).text()
    expect(asTeam).toContain('Zelda Quartz board')
    expect(asTeam).toContain(`/api/boards/${team1!.boardId}/assets/`)
  })

  it('lets only the assigned student write their review; the team reads it once submitted, under a pseudonym when double-blind', async () => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor, token, roster } = await classWithSubmissions(url)
    const round = await openRound(url, session.id, instructor, { anonymity: 'double', seed: 11 })
    const mine = round.assignments.find((a) => a.studentId === '3001' && a.team === 1)!
    const cy = token('3001')
    const content = {
      comments: [{ id: 'c1', anchor: { kind: 'property', shapeId: 'shape:db', property: 'consistency' }, text: 'Why eventual here?' }],
      scores: { functional: { score: 2, justification: 'half of it' } },
    }
    // Someone else's token, the instructor's, and an unknown assignment: all the same 404.
    for (const other of [token('3002'), token('2001'), instructor]) expect((await putReview(url, other, mine.id, content)).status).toBe(404)
    expect((await putReview(url, cy, 'no-such-assignment', content)).status).toBe(404)
    expect((await putReview(url, cy, mine.id, { ...content, scores: { functional: { score: 9 } } })).status).toBe(400)

    const draft = await putReview(url, cy, mine.id, content)
    expect(draft.status).toBe(200)
    expect(((await draft.json()) as { review: { status: string } }).review.status).toBe('draft')
    const submitPath = `/api/me/reviews/${mine.id}/submit`
    expect((await apiRequest(url, submitPath, cy, { method: 'POST' })).status).toBe(400) // not every criterion scored
    // The team does not see a draft.
    expect((await me(url, token('1001'))).rounds[0]!.received!.reviews).toEqual([])
    expect((await putReview(url, cy, mine.id, { ...content, scores: FULL_SCORES })).status).toBe(200)
    const submitted = (await json(await apiRequest(url, submitPath, cy, { method: 'POST' }))) as { review: { status: string; late: boolean } }
    expect(submitted.review).toMatchObject({ status: 'submitted', late: false })
    expect((await putReview(url, cy, mine.id, content)).status).toBe(409)

    const team1Page = await me(url, token('1001'))
    expect(team1Page.rounds[0]!.received!.reviews).toEqual([
      { id: mine.id, reviewer: mine.reviewerPseudonym, review: expect.objectContaining({ comments: content.comments, status: 'submitted' }), rating: null, flag: null },
    ])
    expect(JSON.stringify(team1Page)).not.toContain('Cy Dunn')
    // The instructor reads every review, with names.
    const progress = roundResponseSchema.parse(await json(await apiRequest(url, `/api/sessions/${session.id}/rounds/${round.id}`, instructor)))
    expect(progress.assignments.find((a) => a.id === mine.id)).toMatchObject({ name: 'Cy Dunn', review: { status: 'submitted' } })

    // A review submitted after the due time is marked late.
    const overdue = await openRound(url, session.id, instructor, { anonymity: 'none', dueAt: Date.now() - 1000, seed: 11 })
    const late = overdue.assignments.find((a) => a.studentId === '3001')!
    expect((await putReview(url, cy, late.id, { comments: [], scores: FULL_SCORES })).status).toBe(200)
    expect(((await json(await apiRequest(url, `/api/me/reviews/${late.id}/submit`, cy, { method: 'POST' }))) as { review: { late: boolean } }).review.late).toBe(true)
    // Without anonymity the team sees the reviewer's name.
    const named = (await me(url, token(late.team === 1 ? '1001' : '2001'))).rounds[1]!.received!.reviews
    expect(named.map(({ reviewer }) => reviewer)).toEqual(['Cy Dunn'])
    expect(roster.students).toHaveLength(6)
  })

  it('assigns a student added late without moving anyone else’s assignment', async () => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor } = await classWithSubmissions(url)
    await submit(url, session.teams[2]!, 'team 3')
    const round = await openRound(url, session.id, instructor, { anonymity: 'single', seed: 5 })
    await importRoster(url, session.id, instructor, 'student_id,name,team\n3003,Late Comer,3\n')
    const after = roundResponseSchema.parse(await json(await apiRequest(url, `/api/sessions/${session.id}/rounds/${round.id}`, instructor)))
    const ids = (r: RoundResponse) => r.assignments.map(({ id, studentId, team }) => [id, studentId, team])
    expect(ids(after).slice(0, round.assignments.length)).toEqual(ids(round))
    const late = after.assignments.filter((a) => a.studentId === '3003')
    expect(late.map(({ team }) => team).sort()).toEqual([1, 2])
  })
})
