import { rosterResponseSchema, roundResponseSchema, sessionResponseSchema } from '@concord/shared'
import { linkToken } from '@concord/test-kit/api'
import { expectNoSeriousViolations } from '../support/axe.ts'
import { waitForEditor, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const ROSTER = 'student_id,name,team\n1001,Zelda Quartz,1\n1002,"Oberon, Yannick",1\n2001,Ann Bell,2\n2002,Bo Chen,2\n3001,Cy Dunn,3\n3002,Dee Eng,3'

test('an instructor opens a double-blind round; a student reviews a design in the review view; the team reads it under a pseudonym', async ({ newUser }) => {
  // Six pages, two of them tldraw canvases: slow on a busy machine.
  test.setTimeout(240_000)
  const instructor = await newUser('Dr. Mira')
  await instructor.getByTestId('session-name').fill('Peer lab')
  await instructor.getByTestId('session-teams').fill('3')
  // Boards from a template: the designs have components to comment on.
  await instructor.getByTestId('session-template').selectOption('three-tier-web')
  await instructor.getByTestId('session-submit').click()
  await expect(instructor.getByTestId('team-card')).toHaveCount(3)
  const sessionId = new URL(instructor.url()).pathname.split('/')[2]!
  const token = decodeURIComponent(new URL(instructor.url()).hash.slice('#k='.length))
  const asInstructor = { Authorization: `Bearer ${token}` }
  const session = sessionResponseSchema.parse(await (await instructor.request.get(`/api/sessions/${sessionId}`, { headers: asInstructor })).json())

  // Without a roster there is no round to open.
  await expect(instructor.getByTestId('round-create')).toHaveCount(0)
  await instructor.getByTestId('roster-input').fill(ROSTER)
  await instructor.getByTestId('roster-import').click()
  await expect(instructor.getByTestId('roster-table').locator('tbody tr')).toHaveCount(6)

  // Every team submits a version for review.
  for (const team of session.teams) {
    const response = await instructor.request.post(`/api/boards/${team.boardId}/versions`, {
      headers: { Authorization: `Bearer ${linkToken(team.links.editor)}` },
      data: { name: `Team ${team.team} final` },
    })
    expect(response.status()).toBe(201)
  }
  await instructor.getByTestId('round-anonymity-double').check()
  await instructor.getByTestId('round-create').click()
  await expect(instructor.getByTestId('round-progress')).toContainText('0 of 12 reviews submitted')
  await expectNoSeriousViolations(instructor, 'dashboard with roster and round')

  // A team 3 student opens the team 1 design they were assigned from their page: named by its pseudonym only.
  const roster = rosterResponseSchema.parse(await (await instructor.request.get(`/api/sessions/${sessionId}/roster`, { headers: asInstructor })).json())
  const [roundInfo] = ((await (await instructor.request.get(`/api/sessions/${sessionId}/rounds`, { headers: asInstructor })).json()) as { rounds: Array<{ id: string }> }).rounds
  const round = roundResponseSchema.parse(await (await instructor.request.get(`/api/sessions/${sessionId}/rounds/${roundInfo!.id}`, { headers: asInstructor })).json())
  const assignment = round.assignments.find((a) => a.studentId === '3001' && a.team === 1)!
  const cy = await newUser('Cy')
  await cy.goto(roster.students.find((s) => s.studentId === '3001')!.link)
  await cy.getByTestId('student-assignment').filter({ hasText: assignment.pseudonym }).getByTestId('student-assignment-open').click()
  // The page loads tldraw: slow on a busy machine.
  await expect(cy.getByTestId('round-review-design')).toHaveText(assignment.pseudonym, { timeout: 60_000 })
  await expect(cy.locator('body')).not.toContainText('Peer lab · Team')

  // Every criterion of the round's rubric scored, one justified.
  for (const { id } of round.rubric.criteria) await cy.getByTestId(`rubric-${id}`).getByRole('radio', { name: /^4/ }).check()
  await cy.getByTestId('rubric-clarity').getByRole('textbox').fill('Easy to follow')
  // A comment on a property of a component, picked on the frozen canvas.
  await cy.getByTestId('review-tab-comments').click()
  // tldraw's canvas takes the pointer: click where the component is drawn.
  const db = (await cy.locator('.tl-shape').filter({ hasText: 'Orders DB (leader)' }).boundingBox())!
  await cy.mouse.click(db.x + db.width / 2, db.y + db.height / 2)
  await cy.getByTestId('comment-property').selectOption({ label: 'its Consistency model' })
  await cy.getByTestId('comment-text').fill('Why eventual consistency here?')
  await cy.getByTestId('comment-submit').click()
  await expect(cy.getByTestId('thread')).toHaveAttribute('data-anchor-kind', 'property')
  await cy.getByTestId('round-review-save').click()
  await expect(cy.getByTestId('round-review-status')).toContainText('Draft saved')
  await expectNoSeriousViolations(cy, 'round review')
  await cy.getByTestId('round-review-submit').click()
  await cy.getByTestId('round-review-confirm-submit').click()
  await expect(cy.getByTestId('round-review-status')).toContainText('Submitted')
  await expect(cy.getByTestId('round-review-save')).toHaveCount(0)
  await cy.getByTestId('frozen-back').click()
  await expect(cy.getByTestId('student-assignment').filter({ hasText: assignment.pseudonym })).toContainText('Submitted')

  // Team 1 reads it on its student page, from a reviewer pseudonym, never the reviewer's name.
  const zelda = await newUser('Zelda')
  await zelda.goto(roster.students.find((s) => s.studentId === '1001')!.link)
  const received = zelda.getByTestId('student-received-review')
  await expect(received).toContainText(assignment.reviewerPseudonym)
  // The comment's target named as on the board: the component and the property, on the version reviewed.
  await expect(received.getByRole('listitem')).toHaveText(/^Orders DB \(leader\) \(.+\) · Consistency model: Why eventual consistency here\?$/)
  await expect(zelda.getByTestId('student-round')).not.toContainText('Cy Dunn')
  // Designs to review carry pseudonyms only.
  await expect(zelda.getByTestId('student-assignment').first()).toContainText(/^Design [A-C]/)
  await expect(zelda.getByTestId('student-round')).not.toContainText('Peer lab · Team')
  await expectNoSeriousViolations(zelda, 'student page')
  await zelda.getByTestId('student-team-board').click()
  await expect(zelda).toHaveURL(new RegExp(`/b/${session.teams[0]!.boardId}#k=student\\.`))
  // The student's own token opens the team board as an editor.
  await waitForEditor(zelda)
  await waitForSynced(zelda)
  expect(await zelda.evaluate(() => window.__concord!.editor.getIsReadonly())).toBe(false)
})
