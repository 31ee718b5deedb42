import { CATALOG } from '@concord/shared'
import { expectNoSeriousViolations } from '../support/axe.ts'
import { createComponent, inspectShape, openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('home, board, review panel, lab and session dashboard have no serious or critical axe violations; the home page lists the instructor’s sessions', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await expectNoSeriousViolations(alice, 'home')
  // Colours are offered by name, not as hex codes.
  await alice.getByTestId('identity-badge').click()
  await expect(alice.getByRole('radio', { name: 'Orange', exact: true })).toHaveCount(1)
  await expect(alice.getByRole('radio', { name: /^#/ })).toHaveCount(0)
  await alice.getByRole('button', { name: 'Cancel' }).click()

  const links = await openNewBoard(alice, 'Accessible board')
  await waitForSynced(alice)
  await createComponent(alice, 'db', 'relational-db', 'Orders DB', 300, 300)
  await inspectShape(alice, 'db')
  await expectNoSeriousViolations(alice, 'board with the inspector')
  // A template button is named by its title; its description is its description.
  const template = CATALOG.templates[0]!
  const templateButton = alice.getByTestId(`library-template-${template.id}`)
  await expect(templateButton).toHaveAccessibleName(template.name)
  await expect(templateButton).toHaveAccessibleDescription(template.description)

  await alice.getByTestId('review-button').click()
  await expect(alice.getByTestId('review-panel')).toBeVisible()
  await expectNoSeriousViolations(alice, 'review panel')

  await alice.goto(links.owner.replace(/^\/b\/([^#]+)/, '/b/$1/lab'))
  await expect(alice.getByTestId('lab-server')).toBeVisible()
  await expectNoSeriousViolations(alice, 'lab')

  await alice.goto('/')
  await alice.getByTestId('session-name').fill('Lab 4')
  await alice.getByTestId('session-teams').fill('2')
  await alice.getByTestId('session-submit').click()
  await expect(alice.getByTestId('team-card')).toHaveCount(2)
  // Locked, with a timer running: each team's card shows both.
  await alice.getByTestId('lock-all').click()
  await alice.getByTestId('timer-all').click()
  await expect(alice.getByTestId('team-timer')).toHaveCount(2)
  await expect(alice.getByTestId('team-timer').first()).toHaveText(/^(10:00|9:\d\d) left$/)
  await expectNoSeriousViolations(alice, 'session dashboard')

  // The instructor's home page lists the session, and leads back to its dashboard.
  await alice.goto('/')
  await expect(alice.getByTestId('recent-session')).toContainText('Lab 4')
  await expect(alice.getByTestId('recent-session')).toContainText('2 teams')
  await expectNoSeriousViolations(alice, 'home with a class session')
  await alice.getByTestId('recent-session').click()
  await expect(alice.getByTestId('team-card')).toHaveCount(2)
})
