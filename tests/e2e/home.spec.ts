import { BOARD_REFUSAL } from '@concord/shared'
import { createBoardFromHome, openBoard, openNewBoard } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

test('the display name is asked once and remembered', async ({ newUser }) => {
  const page = await newUser('Grace')
  await page.reload()
  await expect(page.getByTestId('create-board-title')).toBeVisible()
  await expect(page.getByTestId('name-prompt')).toBeHidden()
  await openNewBoard(page, 'Raft')
  await expect.poll(() => page.evaluate(() => window.__concord!.editor.user.getName())).toBe('Grace')
})

test('the home page lists the boards this browser opened, newest first', async ({ newUser }) => {
  const page = await newUser('Ada')
  await expect(page.getByTestId('recent-boards-empty')).toContainText(/boards you create or open/i)
  const first = await createBoardFromHome(page, 'Paxos made simple')
  await openBoard(page, first.owner)
  const second = await createBoardFromHome(page, 'Chord ring')
  await openBoard(page, second.editor)
  await page.goto('/')
  await expect(page.getByTestId('recent-board')).toHaveText([/Chord ring/, /Paxos made simple/])
  await page.getByTestId('recent-board').filter({ hasText: 'Paxos made simple' }).click()
  await expect(page).toHaveURL(new RegExp(first.owner.split('#')[0]!))
})

test('a wrong token and an unknown board get the same message', async ({ newUser }) => {
  const page = await newUser('Mallory')
  const links = await createBoardFromHome(page, 'Secret design')
  const tampered = links.editor.replace(/#k=.*$/, '#k=editor.0.AAAAAAAAAAAAAAAAAAAAAA')
  await page.goto(tampered)
  await expect(page.getByTestId('board-error')).toContainText(BOARD_REFUSAL)
  await page.goto('/b/AAAAAAAAAAAAAAAAAAAAAA#k=editor.0.AAAAAAAAAAAAAAAAAAAAAA')
  await expect(page.getByTestId('board-error')).toContainText(BOARD_REFUSAL)
})

test('creating a board with an empty title is refused with the reason', async ({ newUser }) => {
  const page = await newUser('Linus')
  await page.getByTestId('create-board-title').fill('   ')
  await page.getByTestId('create-board-submit').click()
  await expect(page.getByText(/title must not be empty/i)).toBeVisible()
})
