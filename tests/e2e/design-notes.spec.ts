import { apiRequest, linkToken } from '@concord/test-kit/api'
import { submitVersion, twoUsersOnNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('two users share goals and decisions: undo takes a decision back for its author, a frozen version and the report show them', async ({ newUser, server }) => {
  // Two browsers, a version and a report on a shared 2-core machine: more than the default two minutes.
  test.setTimeout(240_000)
  const { alice, bob, links } = await twoUsersOnNewBoard(newUser, 'Design notes')

  // Alice opens the panel: empty lists say what goes there; an empty entry is refused with its reason.
  await alice.getByTestId('design-button').click()
  const panel = alice.getByTestId('design-panel')
  await expect(panel.getByTestId('design-goals')).toContainText('No goals yet.')
  await expect(panel.getByTestId('design-decisions')).toContainText('No decision recorded yet.')
  await panel.getByTestId('design-add-goal').click()
  await expect(panel.getByTestId('design-goals').getByRole('alert')).toHaveText('A goal cannot be empty')
  await panel.getByTestId('design-new-goal').fill('Grades stay available when one zone fails')
  await panel.getByTestId('design-add-goal').click()
  await expect(panel.getByTestId('design-goal')).toHaveText(/Grades stay available when one zone fails/)

  await panel.getByTestId('design-new-decision').click()
  const form = panel.getByTestId('decision-form')
  await form.getByTestId('decision-save').click()
  await expect(form.getByRole('alert')).toHaveText('The title cannot be empty')
  await form.getByLabel('Title').fill('Queue uploads before grading')
  await form.getByLabel('Status').selectOption('accepted')
  await form.getByLabel('Context and problem').fill('Uploads spike at the deadline.')
  await form.getByLabel('Considered options (one per line)').fill('A queue\nMore graders')
  await form.getByLabel('Decision outcome').fill('A queue in front of the graders.')
  await form.getByLabel('Consequences').fill('Grades arrive a little later.')
  await form.getByTestId('decision-save').click()
  await expect(panel.getByTestId('design-decision')).toContainText('Queue uploads before grading')

  // Bob sees both.
  await bob.getByTestId('design-button').click()
  const bobPanel = bob.getByTestId('design-panel')
  await expect(bobPanel.getByTestId('design-goal')).toHaveText(/Grades stay available when one zone fails/)
  await expect(bobPanel.getByTestId('design-decision')).toContainText('Queue uploads before grading')
  await expect(bobPanel.getByTestId('design-decision')).toContainText('accepted')

  // Alice's undo takes her decision back everywhere and leaves the goal; redo brings it back.
  await alice.locator('.tl-canvas').focus()
  await alice.keyboard.press('Control+z')
  for (const page of [alice, bob]) {
    await expect(page.getByTestId('design-decision')).toHaveCount(0)
    await expect(page.getByTestId('design-goal')).toHaveCount(1)
  }
  await alice.keyboard.press('Control+Shift+z')
  for (const page of [alice, bob]) await expect(page.getByTestId('design-decision')).toHaveCount(1)
  await waitForSynced(alice)
  await waitForSynced(bob)

  // The report of the live board holds them.
  const boardId = new URL(links.owner, server.url).pathname.split('/').pop()!
  const report = await apiRequest(server.url, `/api/boards/${boardId}/report.md`, linkToken(links.editor))
  expect(report.status).toBe(200)
  const markdown = await report.text()
  expect(markdown).toContain('- Grades stay available when one zone fails')
  expect(markdown).toContain('### 1. Queue uploads before grading')
  expect(markdown).toContain('- A queue\n- More graders')

  // A frozen version keeps them, read-only, after the live board drops the goal.
  await alice.getByTestId('design-button').click()
  await submitVersion(alice, 'Milestone 1')
  await alice.getByTestId('design-button').click()
  await panel.getByRole('button', { name: 'Remove goal: Grades stay available when one zone fails' }).click()
  await expect(bobPanel.getByTestId('design-goal')).toHaveCount(0)
  await bob.getByTestId('review-button').click()
  await bob.getByTestId('review-tab-versions').click()
  await bob.getByTestId('version-view').click()
  await expect(bob.getByTestId('version-banner')).toContainText('Frozen version “Milestone 1”')
  const frozen = bob.getByTestId('design-panel')
  await expect(frozen.getByTestId('design-goal')).toHaveText('Grades stay available when one zone fails')
  await expect(frozen.getByTestId('design-decision')).toContainText('Queue uploads before grading')
  await expect(frozen.getByTestId('design-new-decision')).toHaveCount(0)
  await expect(frozen.getByTestId('design-new-goal')).toHaveCount(0)
  await expect(frozen.getByRole('button', { name: /^(Edit|Remove)/ })).toHaveCount(0)
})
