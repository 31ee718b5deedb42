import { analyseRecords, CATALOG, createThread, MAX_SESSION_TEAMS, percent, reviewDocumentName, templateRecords, type SessionResponse } from '@concord/shared'
import { linkToken } from '@concord/test-kit/api'
import { connectDocument } from '@concord/test-kit/collab-client'
import { waitForEditor, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('an instructor runs a session: teams from a template, live thumbnails, lock all from the dashboard', async ({ newUser, server }) => {
  const template = CATALOG.templates[0]!
  const instructor = await newUser('Dr. Mira')
  await instructor.getByTestId('session-name').fill('Lab 4 – replication')
  await instructor.getByTestId('session-teams').fill('3')
  await instructor.getByTestId('session-template').selectOption(template.id)
  await instructor.getByTestId('session-submit').click()

  // The dashboard lists every team.
  await expect(instructor.getByRole('heading', { name: 'Lab 4 – replication' })).toBeVisible()
  await expect(instructor.getByTestId('team-card')).toHaveCount(3)
  const sessionId = new URL(instructor.url()).pathname.split('/')[2]!
  const token = decodeURIComponent(new URL(instructor.url()).hash.slice('#k='.length))
  const session = (await (
    await instructor.request.get(`/api/sessions/${sessionId}`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as { teams: Array<{ boardId: string; links: { editor: string; reviewer: string } }> }

  // Every team's thumbnail shows the template before anyone has opened a board.
  const thumbnailShapes = (team: number) =>
    instructor.locator(`[data-testid="team-card"][data-team="${team}"]`).getByTestId('team-thumbnail').getAttribute('data-shapes').then(Number)
  for (const team of [1, 2, 3]) await expect.poll(() => thumbnailShapes(team)).toBeGreaterThanOrEqual(template.components.length)
  const connections = instructor.locator('[data-testid="team-card"][data-team="1"]').getByTestId('team-thumbnail')
  await expect(connections).toHaveAttribute('data-connections', String(template.connections.length))

  // A student opens team 1's board: it starts from the template.
  const student = await newUser('Sam')
  await student.goto(session.teams[0]!.links.editor)
  await waitForEditor(student)
  await waitForSynced(student)
  const components = () => student.evaluate(() => window.__concord!.editor.getCurrentPageShapes().filter((s) => String(s.type) === 'component').length)
  await expect.poll(components).toBe(template.components.length)

  // The dashboard's thumbnail for team 1 follows the board: the student's new component appears.
  const teamOne = instructor.locator('[data-testid="team-card"][data-team="1"]')
  const shapesInThumbnail = () => thumbnailShapes(1)
  const before = await shapesInThumbnail()
  await student.getByTestId(`library-component-${CATALOG.kinds[0]!.id}`).click()
  await expect.poll(shapesInThumbnail).toBe(before + 1)
  await expect(teamOne.getByTestId('team-stats')).toContainText('Sam online')

  // A reviewer's comment on team 1 shows in its card.
  const reviewer = await connectDocument(server.url, reviewDocumentName(session.teams[0]!.boardId), linkToken(session.teams[0]!.links.reviewer))
  try {
    createThread(reviewer.document, {
      id: 'thread-1',
      anchor: { kind: 'point', pageId: 'page:page', x: 0, y: 0 },
      author: { id: 'reviewer-1', name: 'Riley' },
      text: 'Why does the cache not expire entries?',
      now: Date.now(),
    })
    await expect(teamOne.getByTestId('team-comments')).toHaveText('1 review thread, 1 open')
  } finally {
    reviewer.destroy()
  }

  // Lock all: the student's board turns read-only, enforced by the server.
  await instructor.getByTestId('lock-all').click()
  await expect(student.getByTestId('lock-banner')).toBeVisible()
  await expect.poll(() => student.evaluate(() => window.__concord!.editor.getIsReadonly())).toBe(true)
  await expect(teamOne.getByText('Locked')).toBeVisible()
  await instructor.getByTestId('unlock-all').click()
  await expect.poll(() => student.evaluate(() => window.__concord!.editor.getIsReadonly())).toBe(false)

  // From team 2's board, the instructor's message reaches every team (the student is in team 1); the way back leads to the dashboard.
  await instructor.locator('[data-testid="team-card"][data-team="2"]').getByRole('link', { name: /^Open / }).click()
  await instructor.getByTestId('class-controls-button').click()
  await expect(instructor.getByLabel('Message to every team')).toBeVisible()
  await instructor.getByLabel('Message to every team').fill('Five minutes left')
  await instructor.getByTestId('broadcast-send').click()
  await expect(student.getByText('Five minutes left')).toBeVisible()
  await instructor.getByTestId('session-dashboard-link').click()
  await expect(instructor.getByRole('heading', { name: 'Lab 4 – replication' })).toBeVisible()
  await expect(instructor.getByTestId('team-card')).toHaveCount(3)
  // The dashboard, opened again, still counts the student's edits from before (the server kept count); team 3 had none.
  await expect(teamOne.getByTestId('team-stats')).toContainText(/[1-9]\d* edits? in the last 5 min/)
  await expect(instructor.locator('[data-testid="team-card"][data-team="3"]').getByTestId('team-stats')).toContainText('0 edits in the last 5 min')
})

test('a team board that was only opened counts no edits on the dashboard; a drawn component counts', async ({ newUser }) => {
  const template = CATALOG.templates[0]!
  const instructor = await newUser('Dr. Mira')
  const response = await instructor.request.post('/api/sessions', { data: { name: 'Lab 5', teams: 2, template: template.id } })
  expect(response.status()).toBe(201)
  const session = (await response.json()) as SessionResponse
  await instructor.goto(session.dashboard)
  const teamOne = instructor.locator('[data-testid="team-card"][data-team="1"]')

  // A student opens the board: the editor records the schema and tidies the document, which is no edit.
  const student = await newUser('Sam')
  await student.goto(session.teams[0]!.links.editor)
  await waitForEditor(student)
  await waitForSynced(student)
  await expect(teamOne.getByTestId('team-stats')).toContainText('Sam online')
  await expect(teamOne.getByTestId('team-stats')).toContainText('0 edits in the last 5 min')
  // The server's count, which a dashboard opened later starts from, agrees.
  await instructor.reload()
  await expect(teamOne.getByTestId('team-stats')).toContainText('Sam online')
  await expect(teamOne.getByTestId('team-stats')).toContainText('0 edits in the last 5 min')

  await student.getByTestId(`library-component-${CATALOG.kinds[0]!.id}`).click()
  await waitForSynced(student)
  await expect(teamOne.getByTestId('team-stats')).toContainText(/[1-9]\d* edits? in the last 5 min/)
})

test('a team card shows the design analysis’ errors, warnings and worst entry availability, and follows the team’s edits', async ({ newUser }) => {
  const template = CATALOG.templates.find((t) => t.id === 'three-tier-web')!
  const instructor = await newUser('Dr. Mira')
  const response = await instructor.request.post('/api/sessions', { data: { name: 'Lab 6', teams: 1, template: template.id } })
  const session = (await response.json()) as SessionResponse
  await instructor.goto(session.dashboard)
  const analysis = instructor.locator('[data-testid="team-card"][data-team="1"]').getByTestId('team-analysis')
  const expectSummary = async (summary: ReturnType<typeof analyseRecords>['summary']) => {
    await expect(analysis).toHaveAttribute('data-errors', String(summary.errors))
    await expect(analysis).toHaveAttribute('data-warnings', String(summary.warnings))
    await expect(analysis).toContainText(`Worst entry: ${percent(summary.worstAvailability!)} available`)
  }
  // The template as the server wrote it, analysed here the same way.
  const records = templateRecords(template, 't')
  await expectSummary(analyseRecords(records).summary)

  // A student removes the load balancer: a single point of failure fewer in front, a warning more, a lower availability.
  const student = await newUser('Sam')
  await student.goto(session.teams[0]!.links.editor)
  await waitForEditor(student)
  await waitForSynced(student)
  await student.evaluate(() => {
    const editor = window.__concord!.editor
    const balancer = editor.getCurrentPageShapes().find((shape) => (shape.props as { kind?: string }).kind === 'load-balancer')!
    editor.deleteShapes([balancer.id])
  })
  await waitForSynced(student)
  const withoutBalancer = analyseRecords(records.filter((record) => record.id !== 'shape:t-lb' && !(record.typeName === 'binding' && record.toId === 'shape:t-lb'))).summary
  expect(withoutBalancer.warnings).not.toBe(analyseRecords(records).summary.warnings)
  await expectSummary(withoutBalancer)
})

test('a 40-team session: the dashboard reaches every team, draws thumbnails as they scroll into view, and locks all', async ({ newUser }) => {
  const template = CATALOG.templates[0]!
  const instructor = await newUser('Dr. Mira')
  const response = await instructor.request.post('/api/sessions', { data: { name: 'Lecture 9', teams: MAX_SESSION_TEAMS, template: template.id } })
  expect(response.status()).toBe(201)
  const session = (await response.json()) as SessionResponse
  await instructor.goto(session.dashboard)
  const cards = instructor.getByTestId('team-card')
  await expect(cards).toHaveCount(MAX_SESSION_TEAMS)

  // Only the cards in view draw their board; the last one does once scrolled to.
  const last = cards.last()
  await expect(last.getByTestId('team-thumbnail')).toHaveCount(0)
  await last.scrollIntoViewIfNeeded()
  await expect.poll(() => last.getByTestId('team-thumbnail').getAttribute('data-shapes').then(Number)).toBeGreaterThanOrEqual(template.components.length)

  // Lock all reaches every team's board: each card shows the lock the server sends back, and a student in the last team is locked.
  const student = await newUser('Sam')
  await student.goto(session.teams.at(-1)!.links.editor)
  await waitForSynced(student)
  await instructor.getByTestId('lock-all').click()
  await expect(instructor.getByTestId('team-card').filter({ hasText: 'Locked' })).toHaveCount(MAX_SESSION_TEAMS)
  await expect(student.getByTestId('lock-banner')).toBeVisible()
  await expect(last.getByTestId('team-stats')).toContainText('Sam online')
})
