import { readFile, writeFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { CATALOG } from '@concord/shared'
import { createComponent, openNewBoard, shareLink, submitVersion, waitForSynced } from '../support/board.ts'
import { pdfText } from '../support/pdf-text.ts'
import { expect, test } from '../support/fixtures.ts'

const TEMPLATE = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!

async function openReport(page: Page): Promise<void> {
  await page.getByTestId('board-menu').click()
  await page.getByTestId('board-report').click()
  await expect(page.getByTestId('report-dialog')).toBeVisible()
}

async function downloaded(page: Page, testId: string): Promise<{ download: Download; text: string }> {
  const download = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  const file = await download
  return { download: file, text: await readFile((await file.path())!, 'utf8') }
}

/** Text lines of the diagram's boxes that reach outside their box, as the browser lays them out. */
async function overflowingDiagramText(page: Page): Promise<string[]> {
  return page.frameLocator('[data-testid=report-frame]').locator('figure > svg').evaluate((svg) => {
    const problems: string[] = []
    for (const group of svg.querySelectorAll('g')) {
      const rect = group.querySelector(':scope > rect')
      if (!rect) continue
      const box = rect.getBoundingClientRect()
      for (const text of group.querySelectorAll(':scope > text')) {
        const t = text.getBoundingClientRect()
        if (t.right > box.right + 0.5 || t.left < box.left - 0.5 || t.bottom > box.bottom + 0.5) problems.push(`${text.textContent}: outside its box`)
      }
    }
    return problems
  })
}

test('the owner previews the report of a template board, downloads Markdown and HTML, and prints it to PDF', async ({ newUser, browser }, testInfo) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Shop report')
  await waitForSynced(alice)
  await alice.getByTestId(`library-template-${TEMPLATE.id}`).click()
  await expect.poll(() => alice.evaluate(() => window.__concord!.editor.getCurrentPageShapeIds().size)).toBeGreaterThan(TEMPLATE.components.length)
  await waitForSynced(alice)

  await openReport(alice)
  const frame = alice.frameLocator('[data-testid=report-frame]')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Shop report')
  for (const heading of ['Diagram', 'Building blocks', 'Connections', 'Quality requirements', 'Risks', 'Changes since the last submitted version']) {
    await expect(frame.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await expect(frame.getByText('Team: Alice')).toBeVisible()
  await expect(frame.locator('figure svg g')).not.toHaveCount(0)
  expect(await overflowingDiagramText(alice)).toEqual([])

  // "Print / Save as PDF" opens the browser's print dialog for the report's own frame (headless has none to show).
  const printed = alice.frame({ url: 'about:srcdoc' })!
  await printed.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'yes')
  })
  await alice.getByTestId('report-print').click()
  await expect(frame.locator('html')).toHaveAttribute('data-printed', 'yes')

  const markdown = await downloaded(alice, 'report-download-md')
  expect(markdown.download.suggestedFilename()).toBe('Shop report – design report.md')
  expect(markdown.text).toMatch(/^# Shop report\n/)
  expect(markdown.text).toContain('Team: Alice')
  for (const component of TEMPLATE.components) expect(markdown.text).toContain(component.name)
  expect(markdown.text).toContain('![Design diagram](data:image/svg+xml;charset=utf-8,')

  const html = await downloaded(alice, 'report-download-html')
  expect(html.download.suggestedFilename()).toBe('Shop report – design report.html')
  expect(html.text).toContain('<h2>Quality requirements</h2>')
  expect(html.text).toContain('@media print')

  // The browser's print of the HTML report, as "Save as PDF" makes it: A4 pages with the report's text.
  // (The PDF stays in the test's output folder, to look at.)
  const paper = await browser.newPage()
  await paper.setContent(html.text)
  const pdf = await paper.pdf({ format: 'A4', printBackground: true })
  await paper.close()
  await writeFile(testInfo.outputPath('report.pdf'), pdf)
  expect(pdf.toString('latin1', 0, 5)).toBe('%PDF-')
  // Glyphs are drawn one by one, so words are compared without their spacing.
  const pages = pdfText(pdf).map((text) => text.replace(/\s+/g, ''))
  expect(pages.length).toBeGreaterThan(1)
  expect(pages[0]).toContain('Shopreport')
  const all = pages.join('')
  for (const words of ['Building blocks', 'Quality requirements', 'Changes since the last submitted version', 'Team: Alice', 'Orders DB (leader)']) {
    expect(all).toContain(words.replace(/\s+/g, ''))
  }
})

test('a reviewer opens the report of the frozen version they review, and of the live board', async ({ newUser }) => {
  const alice = await newUser('Alice')
  await openNewBoard(alice, 'Shop report')
  await waitForSynced(alice)
  await createComponent(alice, 'api', 'stateless-service', 'Orders API', 100, 100)
  await createComponent(alice, 'db', 'relational-db', 'Orders DB', 400, 100)
  await waitForSynced(alice)
  await submitVersion(alice, 'Milestone 1')
  const reviewerLink = await shareLink(alice, 'reviewer')
  const bob = await newUser('Bob')
  await bob.goto(reviewerLink)
  // Opening a version mounts a second editor: slow on a loaded machine.
  await expect(bob.getByTestId('version-banner')).toContainText('Frozen version “Milestone 1”', { timeout: 60_000 })

  await openReport(bob)
  await expect(bob.getByTestId('report-dialog').getByRole('heading', { name: 'Design report of “Milestone 1”' })).toBeVisible()
  const frame = bob.frameLocator('[data-testid=report-frame]')
  await expect(frame.getByText('Version: Milestone 1')).toBeVisible()
  await expect(frame.getByText('No earlier version was submitted.')).toBeVisible()
  const markdown = await downloaded(bob, 'report-download-md')
  expect(markdown.download.suggestedFilename()).toBe('Shop report – Milestone 1 – design report.md')
  expect(markdown.text).toContain('Version: Milestone 1')
  await bob.keyboard.press('Escape')
  await expect(bob.getByTestId('report-dialog')).toBeHidden()

  await bob.getByTestId('back-to-live').click()
  await openReport(bob)
  await expect(bob.getByTestId('report-dialog').getByRole('heading', { name: 'Design report', exact: true })).toBeVisible()
  await expect(frame.getByText('No changes since “Milestone 1”.')).toBeVisible()
  await expect(frame.getByText('Version:')).toHaveCount(0)
})
