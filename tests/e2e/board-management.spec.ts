import { readFile } from 'node:fs/promises'
import { createRectangle, expectShapes, openBoard, shapeIds, twoUsersOnNewBoard, waitForEditor, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const SHOTS = new URL('../../.tmp/screenshots/', import.meta.url).pathname

test('the owner renames, exports, duplicates and deletes a board; an export imports as a new board', async ({ newUser }) => {
  const { alice, bob, links } = await twoUsersOnNewBoard(newUser, 'Sharded cache')
  await createRectangle(alice, 'shard-a', 100, 100)
  await createRectangle(alice, 'shard-b', 300, 100)
  await waitForSynced(alice)

  // Only the owner gets the management actions; everyone may open the report and export, editors import.
  const exports = ['Export as PNG image', 'Export as SVG image', 'Export as .tldr file', 'Export as Structurizr DSL', 'Export as Mermaid', 'Export as C4-PlantUML', 'Export as D2']
  await bob.getByTestId('board-menu').click()
  await expect(bob.getByRole('menuitem')).toHaveText(['Design report…', ...exports, 'Import Mermaid…'])
  await bob.keyboard.press('Escape')

  await alice.getByTestId('board-menu').click()
  await expect(alice.getByRole('menuitem')).toHaveText(['Rename…', 'Duplicate', 'Design report…', ...exports, 'Import Mermaid…', 'Delete board…'])
  await alice.screenshot({ path: `${SHOTS}board-menu.png` })
  await alice.getByTestId('board-rename').click()
  await alice.getByTestId('rename-input').fill('Consistent hashing cache')
  await alice.getByTestId('rename-submit').click()
  await expect(alice.getByTestId('board-title')).toHaveText('Consistent hashing cache')
  await expect(bob.getByTestId('board-title')).toHaveText('Consistent hashing cache')

  await alice.getByTestId('board-menu').click()
  const download = alice.waitForEvent('download')
  await alice.getByTestId('board-export').click()
  const exported = await download
  expect(exported.suggestedFilename()).toBe('Consistent hashing cache.tldr')
  const exportPath = (await exported.path())!
  const file = JSON.parse(await readFile(exportPath, 'utf8')) as { tldrawFileFormatVersion: number; records: Array<{ id: string }> }
  expect(file.tldrawFileFormatVersion).toBe(1)
  expect(file.records.map((record) => record.id)).toEqual(expect.arrayContaining(['shape:shard-a', 'shape:shard-b']))

  await alice.getByTestId('board-menu').click()
  await alice.getByTestId('board-duplicate').click()
  await expect(alice.getByTestId('board-title')).toHaveText('Copy of Consistent hashing cache')
  await waitForEditor(alice)
  await expectShapes(alice, ['shard-a', 'shard-b'])
  expect(alice.url()).not.toContain(links.owner.split('#')[0]!)

  // Import the exported file from the home page: a new board with the same shapes.
  await alice.goto('/')
  await alice.getByTestId('import-board-file').setInputFiles(exportPath)
  await waitForEditor(alice)
  await expect(alice.getByTestId('board-title')).toHaveText('Consistent hashing cache')
  await expect(alice.getByTestId('role-badge')).toHaveText('Owner')
  await expectShapes(alice, ['shard-a', 'shard-b'])

  // Delete the original: confirmation, then gone for everyone.
  await openBoard(alice, links.owner)
  await alice.getByTestId('board-menu').click()
  await alice.getByTestId('board-delete').click()
  await expect(alice.getByTestId('delete-dialog')).toContainText('cannot be undone')
  await alice.screenshot({ path: `${SHOTS}delete-dialog.png` })
  await alice.getByTestId('delete-confirm').click()
  await expect(alice).toHaveURL(/\/$/)
  await expect(alice.getByTestId('recent-board')).toHaveText([/Consistent hashing cache/, /Copy of Consistent hashing cache/])
  await expect(bob.getByTestId('link-revoked')).toBeVisible()
  await expect(bob.getByTestId('local-copy-status')).toHaveAttribute('data-unsynced', 'false')
  expect(await shapeIds(alice).catch(() => [])).toEqual([])

  // "Remove from my boards" only forgets the entry.
  await alice.screenshot({ path: `${SHOTS}home-boards.png` })
  await alice.getByTestId('recent-board').filter({ hasText: 'Copy of' }).locator('..').getByTestId('forget-board').click()
  await expect(alice.getByTestId('recent-board')).toHaveText([/Consistent hashing cache/])
})

test('a file that is not a tldraw board is refused with the reason', async ({ newUser }) => {
  const page = await newUser('Eve')
  await page.getByTestId('import-board-file').setInputFiles({ name: 'notes.tldr', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') })
  await expect(page.getByTestId('import-board-error')).toHaveText('This is not a tldraw (.tldr) file.')
})
