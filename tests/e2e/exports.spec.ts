import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { createComponent, openNewBoard, waitForSynced } from '../support/board.ts'
import { expect, test } from '../support/fixtures.ts'

const LONG_NAME = 'Dynamo-style key-value store for shopping carts and sessions'

async function exportFrom(page: Page, testId: string) {
  await page.getByTestId('board-menu').click()
  const download = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  return download
}

test('exports live in the board menu, are named after the board, and keep names inside their cards', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Checkout service')
  await waitForSynced(alice)
  await createComponent(alice, 'kv', 'kv-store', LONG_NAME, 100, 100)
  await createComponent(alice, 'cache', 'cache', 'Cache', 400, 100)

  const png = await exportFrom(alice, 'board-export-png')
  expect(png.suggestedFilename()).toBe('Checkout service.png')
  const svg = await exportFrom(alice, 'board-export-svg')
  expect(svg.suggestedFilename()).toBe('Checkout service.svg')
  const tldr = await exportFrom(alice, 'board-export')
  expect(tldr.suggestedFilename()).toBe('Checkout service.tldr')

  // Every line of text of a card lies within the card (measured in the browser, in the exported SVG).
  const markup = await readFile((await svg.path())!, 'utf8')
  expect(markup).not.toContain(LONG_NAME)
  const overflow = await alice.evaluate((source) => {
    const host = document.createElement('div')
    host.innerHTML = source
    document.body.append(host)
    const problems: string[] = []
    for (const card of host.querySelectorAll('svg g > rect[rx="10"]')) {
      const box = card.getBoundingClientRect()
      for (const text of card.parentElement!.querySelectorAll('text')) {
        const t = text.getBoundingClientRect()
        if (t.right > box.right + 0.5 || t.left < box.left - 0.5) problems.push(`${text.textContent}: ${t.left}-${t.right} outside ${box.left}-${box.right}`)
      }
    }
    host.remove()
    return problems
  }, markup)
  expect(overflow).toEqual([])
  // A name that is the kind's label is said once.
  expect(markup.match(/>Cache</g)).toHaveLength(1)

  // tldraw's own menus no longer offer a second, differently named export.
  await alice.getByTestId('main-menu.button').click()
  await expect(alice.locator('.tlui-menu')).toBeVisible()
  await expect(alice.locator('.tlui-menu').getByText(/^Export/)).toHaveCount(0)
})
