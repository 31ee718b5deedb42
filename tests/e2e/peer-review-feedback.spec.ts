import { readFile } from 'node:fs/promises'
import { rosterResponseSchema, roundResponseSchema, sessionResponseSchema, versionResponseSchema } from '@concord/shared'
import { linkToken } from '@concord/test-kit/api'
import type { APIRequestContext, Page } from '@playwright/test'
import { expectNoSeriousViolations } from '../support/axe.ts'
import { expect, test } from '../support/fixtures.ts'

const ROSTER = 'student_id,name,team\n1001,Zelda Quartz,1\n1002,Oberon Yates,1\n2001,Ann Bell,2\n2002,Bo Chen,2\n3001,Cy Dunn,3\n3002,Dee Eng,3'

/** Saves what `click` downloads and returns its name and text. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download')
  await click()
  const file = await download
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') }
}

/**
 * A session of 3 teams on the three-tier template, 6 students, every team's version submitted, a
 * named round and the reviews of Team 1 submitted through the API, each commenting on the Orders
 * DB's consistency model.
 */
async function classWithReviews(request: APIRequestContext) {
  const session = sessionResponseSchema.parse(
    await (await request.post('/api/sessions', { data: { name: 'Feedback lab', teams: 3, template: 'three-tier-web' } })).json(),
  )
  const instructor = { Authorization: `Bearer ${linkToken(session.dashboard)}` }
  const roster = rosterResponseSchema.parse(
    await (await request.post(`/api/sessions/${session.id}/roster`, { headers: { ...instructor, 'Content-Type': 'text/csv' }, data: ROSTER })).json(),
  )
  for (const team of session.teams) {
    const response = await request.post(`/api/boards/${team.boardId}/versions`, { headers: { Authorization: `Bearer ${linkToken(team.links.editor)}` }, data: { name: 'Final' } })
    expect(response.status()).toBe(201)
  }
  const created = await request.post(`/api/sessions/${session.id}/rounds`, { headers: instructor, data: { anonymity: 'none', seed: 7, dueAt: Date.now() + 3_600_000 } })
  expect(created.status()).toBe(201)
  const round = roundResponseSchema.parse(await created.json())
  const [team1] = round.submissions.filter(({ team }) => team === 1)
  const version = versionResponseSchema.parse(await (await request.get(`/api/boards/${team1!.boardId}/versions/${team1!.versionId}`, { headers: instructor })).json())
  const db = version.records.find((record) => record.type === 'component' && (record.props as { name: string }).name === 'Orders DB (leader)')!
  // Only Team 1's four reviews are submitted: enough to rate, flag, hide and grade, and few requests.
  for (const [index, assignment] of round.assignments.filter(({ team }) => team === 1).entries()) {
    const student = { Authorization: `Bearer ${linkToken(roster.students.find(({ studentId }) => studentId === assignment.studentId)!.link)}` }
    const scores = Object.fromEntries(round.rubric.criteria.map(({ id }, criterion) => [id, { score: 1 + ((index + criterion) % 5), justification: '' }]))
    const comments = [{ id: 'c1', anchor: { kind: 'property', shapeId: db.id, property: 'properties.consistency' }, text: `Note from ${assignment.name}` }]
    expect((await request.put(`/api/me/reviews/${assignment.id}`, { headers: student, data: { comments, scores } })).status()).toBe(200)
    expect((await request.post(`/api/me/reviews/${assignment.id}/submit`, { headers: student })).status()).toBe(200)
  }
  return { session, roster, round }
}

test('a team rates and flags reviews; the instructor hides the flagged one and downloads grades and the team’s reviews', async ({ newUser }) => {
  const instructor = await newUser('Dr. Mira')
  const { session, roster, round } = await classWithReviews(instructor.request)
  const [rated, flagged] = round.assignments.filter(({ team }) => team === 1)

  // Zelda (Team 1) rates one review, then flags another: an empty reason is refused with the reason.
  const zelda = await newUser('Zelda')
  await zelda.goto(roster.students.find(({ studentId }) => studentId === '1001')!.link)
  const reviews = zelda.getByTestId('student-received-review')
  await expect(reviews).toHaveCount(4)
  const ratedReview = reviews.filter({ hasText: `Note from ${rated!.name}` })
  await ratedReview.getByRole('radio', { name: '4 Helpful' }).check()
  await ratedReview.getByTestId('rating-comment').fill('Pointed at the single database.')
  await ratedReview.getByTestId('rating-save').click()
  await expect(ratedReview.getByTestId('rating-state')).toHaveText('Saved: 4 · Helpful')

  const flaggedReview = reviews.filter({ hasText: `Note from ${flagged!.name}` })
  await flaggedReview.getByTestId('review-flag').click()
  await flaggedReview.getByTestId('flag-submit').click()
  await expect(flaggedReview.getByRole('alert')).toHaveText(/say why the review is inappropriate/i)
  await flaggedReview.getByTestId('flag-reason').fill('Insults our team instead of the design.')
  await flaggedReview.getByTestId('flag-submit').click()
  await expect(flaggedReview.getByTestId('review-flagged')).toContainText('Insults our team')
  await expectNoSeriousViolations(zelda, 'rating UI', '[data-testid="student-round"]')

  // The instructor sees the flag with its reason, opens that review and hides it.
  await instructor.goto(session.dashboard)
  const progress = instructor.getByTestId('round-progress')
  await expect(progress.getByTestId('round-flag')).toContainText('Insults our team instead of the design.')
  await expect(progress.getByTestId('round-distributions')).toBeVisible()
  await progress.getByTestId('round-flag-open').click()
  const dialog = instructor.getByTestId('review-dialog')
  // The comment's target named on the version reviewed: the component and its property.
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Note from' })).toHaveText(
    new RegExp(`^Orders DB \\(leader\\) \\(.+\\) · Consistency model: Note from ${flagged!.name}$`),
  )
  await dialog.getByTestId('review-hide').click()
  await expect(dialog.getByTestId('review-hidden-note')).toBeVisible()
  await instructor.keyboard.press('Escape')
  await expect(progress.getByTestId('round-flag')).toContainText('Hidden')
  await expectNoSeriousViolations(instructor, 'round progress', '[data-testid="round-progress"]')

  // The team no longer sees the hidden review.
  await zelda.reload()
  await expect(reviews).toHaveCount(3)
  await expect(zelda.getByTestId('student-round')).not.toContainText(`Note from ${flagged!.name}`)

  // grades.csv: the hidden review is not done; the team's Markdown leaves it out.
  const grades = await downloaded(instructor, () => progress.getByTestId('grades-csv').click())
  expect(grades.name).toBe('grades.csv')
  const [header, ...rows] = grades.text.trim().split(/\r?\n/)
  expect(header).toBe('student_id,name,team,submission_score,review_score,reviews_done,reviews_late')
  expect(rows).toHaveLength(6)
  const reviewsDone = (studentId: string) => rows.find((row) => row.startsWith(`${studentId},`))!.split(',')[5]
  // Each reviewer of Team 1 submitted that one review: the hidden one is not done.
  expect(reviewsDone(flagged!.studentId)).toBe('0')
  expect(reviewsDone(rated!.studentId)).toBe('1')
  const markdown = await downloaded(instructor, () => progress.getByTestId('team-reviews-md-1').click())
  expect(markdown.name).toBe('team-1-reviews.md')
  expect(markdown.text).toContain(`Note from ${rated!.name}`)
  expect(markdown.text).not.toContain(`Note from ${flagged!.name}`)
})
