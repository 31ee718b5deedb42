import { parseCsv, roundResponseSchema, type RoundResponse } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, linkToken } from '@concord/test-kit/api'
import { waitFor } from '@concord/test-kit/wait'
import { importRoster, json, me, newSession, openRound, putReview, ROSTER_CSV, submit } from './helpers/peer-review.ts'
import { testResources } from './helpers/resources.ts'

const SECRET = 'a test secret that is long enough'
const { start } = testResources()

// Two criteria on different scales, so scaling by each range matters.
const RUBRIC = {
  criteria: [
    { id: 'a', label: 'Architecture', scale: { min: 1, max: 5 }, levels: [] },
    { id: 'b', label: 'Budget', scale: { min: 0, max: 10 }, levels: [] },
  ],
}
const RANGE = { a: 4, b: 10 }
const MIN = { a: 1, b: 0 }
const INSTRUCTOR_SCORES = { a: 4, b: 6 }
type Scores = { a: number; b: number }

function send(url: string, path: string, token: string, method: string, body: unknown): Promise<Response> {
  return apiRequest(url, path, token, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const distance = (x: Scores, y: Scores) => (Math.abs(x.a - y.a) / RANGE.a + Math.abs(x.b - y.b) / RANGE.b) / 2

/** A review as the test posted it, to grade by hand. */
interface Posted {
  assignmentId: string
  reviewer: number
  team: number
  scores: Scores
  late: boolean
  hidden: boolean
  ratings: number[]
}

describe('peer review grades', () => {
  it('rates, flags and hides reviews, and exports grades that follow the formulas', async () => {
    const { url } = await start({ secret: SECRET })
    const { session, instructor } = await newSession(url)
    const roster = await importRoster(url, session.id, instructor, ROSTER_CSV)
    const tokens = roster.students.map(({ link }) => linkToken(link))
    // The example is an earlier version of team 3's board: assigned to nobody, the round takes each team's latest.
    const exampleVersion = await submit(url, session.teams[2]!, 'Instructor example')
    for (const team of session.teams) await submit(url, team, `Team ${team.team} design`)
    const dueAt = Date.now() + 2000
    const round = await openRound(url, session.id, instructor, {
      anonymity: 'double',
      reviewsPerStudent: 2,
      seed: 5,
      dueAt,
      rubric: RUBRIC,
      calibration: { boardId: session.teams[2]!.boardId, versionId: exampleVersion, scores: INSTRUCTOR_SCORES },
    })
    expect(round.calibration?.scores).toEqual(INSTRUCTOR_SCORES)
    const teamOfAssignment = new Map(round.assignments.map(({ id, team }) => [id, team]))
    const roundPath = `/api/sessions/${session.id}/rounds/${round.id}`

    // Students see the example under a pseudonym, never the instructor's scores, and cannot review before scoring it.
    const first = (await me(url, tokens[0]!)).rounds[0]!
    expect(first.calibration).toEqual({ versionId: exampleVersion })
    expect(first.calibration).not.toHaveProperty('scores')
    const example = (await json(await apiRequest(url, `/api/me/rounds/${round.id}/calibration/version`, tokens[0]!))) as { name: string }
    expect(example.name).toBe('Calibration example')
    const early = await putReview(url, tokens[0]!, first.assignments[0]!.id, { scores: {} })
    expect(early.status).toBe(409)
    expect(((await early.json()) as { message: string }).message).toMatch(/calibration example/)

    // Students 0 to 4 calibrate; student 5 never does and writes nothing.
    const calibration = [0, 1, 2, 3, 4].map((i) => ({ a: 1 + (i % 5), b: (i * 2) % 11 }))
    for (const [i, scores] of calibration.entries()) expect((await send(url, `/api/me/rounds/${round.id}/calibration`, tokens[i]!, 'PUT', { scores })).status).toBe(200)
    expect((await send(url, `/api/me/rounds/${round.id}/calibration`, tokens[0]!, 'PUT', { scores: calibration[0] })).status).toBe(409)
    expect((await send(url, `/api/me/rounds/${round.id}/calibration`, tokens[5]!, 'PUT', { scores: { a: 9, b: 1 } })).status).toBe(400)

    // Students 0 to 2 submit before the due time, 3 and 4 after it; student 4 leaves one review a draft.
    const posted: Posted[] = []
    const drafts: string[] = []
    async function review(i: number) {
      const assignments = (await me(url, tokens[i]!)).rounds[0]!.assignments
      for (const [index, { id }] of assignments.entries()) {
        const team = teamOfAssignment.get(id)!
        const scores = { a: 1 + ((i + team) % 5), b: (i * 3 + team * 2) % 11 }
        const content = {
          comments: [{ id: `c${i}`, anchor: { kind: 'point', pageId: 'page:page', x: 1, y: 2 }, text: `Comment ${i} on team ${team}` }],
          scores: { a: { score: scores.a, justification: 'why a' }, b: { score: scores.b, justification: '' } },
        }
        expect((await putReview(url, tokens[i]!, id, content)).status).toBe(200)
        if (i === 4 && index === 1) {
          drafts.push(id)
          continue
        }
        const submitted = (await json(await apiRequest(url, `/api/me/reviews/${id}/submit`, tokens[i]!, { method: 'POST' }))) as { review: { late: boolean } }
        posted.push({ assignmentId: id, reviewer: i, team, scores, late: submitted.review.late, hidden: false, ratings: [] })
      }
    }
    for (const i of [0, 1, 2]) await review(i)
    await waitFor(() => Date.now() > dueAt, { what: 'the due time', timeoutMs: 10_000 })
    for (const i of [3, 4]) await review(i)
    expect(posted.filter(({ reviewer }) => reviewer >= 3).every(({ late }) => late)).toBe(true)

    // The instructor hides student 0's review of team 2, and hides then shows student 1's review of team 3 again.
    const hidden = posted.find(({ reviewer, team }) => reviewer === 0 && team === 2)!
    hidden.hidden = true
    const shown = posted.find(({ reviewer, team }) => reviewer === 1 && team === 3)!
    expect((await send(url, `${roundPath}/reviews/${hidden.assignmentId}/hidden`, instructor, 'PUT', { hidden: true })).status).toBe(200)
    expect((await send(url, `${roundPath}/reviews/${shown.assignmentId}/hidden`, instructor, 'PUT', { hidden: true })).status).toBe(200)
    expect((await send(url, `${roundPath}/reviews/${shown.assignmentId}/hidden`, instructor, 'PUT', { hidden: false })).status).toBe(200)
    expect((await send(url, `${roundPath}/reviews/${hidden.assignmentId}/hidden`, tokens[2]!, 'PUT', { hidden: false })).status).toBe(404)

    // Teams 1 and 2 rate every review they can see (team 3 rates none); the hidden one is gone from team 2's page.
    for (const [i, token] of tokens.entries()) {
      const received = (await me(url, token)).rounds[0]!.received!
      expect(received.reviews.map(({ reviewer }) => reviewer).every((name) => /^Reviewer \d+$/.test(name))).toBe(true)
      expect(received.reviews.some(({ id }) => id === hidden.assignmentId)).toBe(false)
      if (i >= 4) continue
      for (const [k, { id }] of received.reviews.entries()) {
        const helpfulness = 1 + ((i + k) % 5)
        expect((await send(url, `/api/me/received/${id}/rating`, token, 'PUT', { helpfulness: 5, comment: 'replaced below' })).status).toBe(200)
        expect((await send(url, `/api/me/received/${id}/rating`, token, 'PUT', { helpfulness, comment: 'thanks' })).status).toBe(200)
        posted.find(({ assignmentId }) => assignmentId === id)!.ratings.push(helpfulness)
      }
    }
    // Only the reviewed team rates, and only reviews it can see.
    const ofTeam1 = posted.find(({ team, hidden }) => team === 1 && !hidden)!
    expect((await send(url, `/api/me/received/${ofTeam1.assignmentId}/rating`, tokens[2]!, 'PUT', { helpfulness: 1 })).status).toBe(404)
    expect((await send(url, `/api/me/received/${hidden.assignmentId}/rating`, tokens[2]!, 'PUT', { helpfulness: 1 })).status).toBe(404)
    expect((await send(url, `/api/me/received/${drafts[0]}/rating`, tokens[0]!, 'PUT', { helpfulness: 1 })).status).toBe(404)
    expect((await send(url, `/api/me/received/${ofTeam1.assignmentId}/flag`, tokens[0]!, 'PUT', { reason: 'rude' })).status).toBe(200)

    // Grades computed by hand from what was posted.
    const counted = posted.filter((p) => !p.hidden)
    const weight = (i: number) => (calibration[i] ? Math.max(0.2, 1 - distance(calibration[i], INSTRUCTOR_SCORES)) : 1)
    const teamScore = (team: number): number | null => {
      const of = counted.filter((p) => p.team === team)
      if (of.length === 0) return null
      const total = of.reduce((sum, p) => sum + weight(p.reviewer), 0)
      const scaled = (['a', 'b'] as const).map((c) => ((of.reduce((sum, p) => sum + weight(p.reviewer) * p.scores[c], 0) / total - MIN[c]) / RANGE[c]) * 100)
      return mean(scaled)
    }
    const reviewScore = (i: number): number => {
      const mine = counted.filter((p) => p.reviewer === i)
      const deviations = mine.flatMap((p) => {
        const others = counted.filter((o) => o.team === p.team && o !== p)
        if (others.length === 0) return []
        return [distance(p.scores, { a: mean(others.map((o) => o.scores.a)), b: mean(others.map((o) => o.scores.b)) })]
      })
      const ratings = mine.flatMap((p) => p.ratings)
      const parts = [
        { w: 0.6, v: deviations.length ? 1 - mean(deviations) : null },
        { w: 0.2, v: ratings.length ? mean(ratings) / 5 : null },
        { w: 0.2, v: mine.filter((p) => !p.late).length / 2 },
      ].filter((part): part is { w: number; v: number } => part.v !== null)
      return (100 * parts.reduce((sum, { w, v }) => sum + w * v, 0)) / parts.reduce((sum, { w }) => sum + w, 0)
    }
    // Student 0's only visible review is of team 3, which rated nothing: no helpfulness, weights renormalised.
    expect(counted.filter((p) => p.reviewer === 0).flatMap((p) => p.ratings)).toEqual([])

    const response = await apiRequest(url, `${roundPath}/grades.csv`, instructor)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    const [header, ...rows] = parseCsv(await response.text()).map(({ fields }) => fields)
    expect(header).toEqual(['student_id', 'name', 'team', 'submission_score', 'review_score', 'reviews_done', 'reviews_late'])
    expect(rows.map((row) => row.slice(0, 3))).toEqual(roster.students.map(({ studentId, name, team }) => [studentId, name, String(team)]))
    for (const [i, row] of rows.entries()) {
      const { team } = roster.students[i]!
      for (const cell of [row[3]!, row[4]!]) expect(cell).toMatch(/^\d+\.\d$/)
      expect(Math.abs(Number(row[3]) - teamScore(team)!)).toBeLessThanOrEqual(0.05 + 1e-9)
      expect(Math.abs(Number(row[4]) - reviewScore(i))).toBeLessThanOrEqual(0.05 + 1e-9)
      const mine = counted.filter((p) => p.reviewer === i)
      expect([row[5], row[6]]).toEqual([String(mine.length), String(mine.filter((p) => p.late).length)])
    }
    expect(rows[5]!.slice(4)).toEqual(['0.0', '0', '0'])

    // The dashboard: progress per student, the flag, hidden and rated reviews.
    const progress: RoundResponse = roundResponseSchema.parse(await json(await apiRequest(url, roundPath, instructor)))
    expect(progress.progress.students.map(({ assigned, drafted, submitted, calibrated }) => [assigned, drafted, submitted, calibrated])).toEqual([
      [2, 0, 2, true],
      [2, 0, 2, true],
      [2, 0, 2, true],
      [2, 0, 2, true],
      [2, 1, 1, true],
      [2, 0, 0, false],
    ])
    expect(progress.progress.teams.map(({ team, late }) => [team, late])).toEqual([
      [1, posted.filter((p) => p.reviewer < 2 && p.late).length],
      [2, posted.filter((p) => p.reviewer >= 2 && p.reviewer < 4 && p.late).length],
      [3, posted.filter((p) => p.reviewer >= 4 && p.late).length],
    ])
    expect(progress.progress.flags).toEqual([expect.objectContaining({ assignmentId: ofTeam1.assignmentId, studentId: '1001', reason: 'rude' })])
    expect(progress.assignments.find(({ id }) => id === hidden.assignmentId)).toMatchObject({ hidden: true })
    expect(progress.progress.criteria[0]!.counts.reduce((sum, n) => sum + n, 0)).toBe(counted.length)

    // Each team's reviews as Markdown: the counted ones, under pseudonyms, with the rubric table and the comments' targets.
    const markdown = await (await apiRequest(url, `${roundPath}/teams/2/reviews.md`, instructor)).text()
    expect(markdown).toContain('| Criterion | Scale |')
    expect(markdown).toContain('**a point on the board**: Comment 1 on team 2')
    expect(markdown).not.toContain('Comment 0 on team 2')
    for (const { name } of roster.students) expect(markdown).not.toContain(name)
    expect((await apiRequest(url, `${roundPath}/teams/9/reviews.md`, instructor)).status).toBe(404)
  })
})
