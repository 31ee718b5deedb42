import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

test('the instructor replaces a leaked instructor link from the dashboard; the old one opens nothing', async ({ newUser }) => {
  const instructor = await newUser('Dr. Mira')
  await instructor.getByTestId('session-name').fill('Lab 5 – consensus')
  await instructor.getByTestId('session-teams').fill('2')
  await instructor.getByTestId('session-submit').click()
  await expect(instructor.getByTestId('team-card')).toHaveCount(2)
  const oldLink = instructor.url()

  await instructor.getByTestId('rotate-instructor-link').click()
  const dialog = instructor.getByTestId('rotate-instructor-dialog')
  await expect(dialog).toContainText('stops opening this dashboard and every team board')
  for (const scheme of ['light', 'dark'] as const) {
    await instructor.emulateMedia({ colorScheme: scheme })
    await instructor.screenshot({ path: `${SHOTS}rotate-instructor-dialog-${scheme}.png` })
  }
  await instructor.getByTestId('rotate-instructor-confirm').click()
  await expect(instructor.getByTestId('instructor-link-rotated')).toBeVisible()
  await expect(dialog).toBeHidden()
  expect(instructor.url()).not.toBe(oldLink)
  // The dashboard goes on with the new link: its team boards are live again.
  await expect(instructor.getByTestId('team-card')).toHaveCount(2)
  await expect(instructor.getByTestId('team-thumbnail').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await instructor.emulateMedia({ colorScheme: scheme })
    await instructor.screenshot({ path: `${SHOTS}rotate-instructor-done-${scheme}.png` })
  }

  // Reloading the new link works; the old link opens nothing.
  await instructor.reload()
  await expect(instructor.getByTestId('team-card')).toHaveCount(2)
  const other = await newUser('Mallory')
  await other.goto(oldLink)
  await expect(other.getByTestId('session-error')).toBeVisible()
})
