import { chromium } from '@playwright/test'
import { CATALOG, templateRecords } from '@concord/shared'
import { writeFile } from 'node:fs/promises'

const BASE = 'http://127.0.0.1:4720'
const OUT = '/work/notes/shots/w20b'
const template = CATALOG.templates.find((t) => t.id === (process.env.TEMPLATE ?? 'three-tier-web'))!
for (let i = 0; i < 60; i++) {
  try { if ((await fetch(`${BASE}/healthz`)).ok) break } catch {}
  await new Promise((r) => setTimeout(r, 1000))
}
const records = templateRecords(template, 'web')
// A long name, to see it wrap in the diagram.
const long = records.find((r) => r.typeName === 'shape' && r.type === 'component')!
;(long.props as Record<string, unknown>).name = 'Shoppers across the European Union and the United Kingdom'
const created = await (await fetch(`${BASE}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Shop – team 3', records }) })).json() as { id: string; links: Record<string, string> }
const token = new URL(created.links.owner!, BASE).hash.replace(/^#k=/, '')
const html = await (await fetch(`${BASE}/api/boards/${created.id}/report.html`, { headers: { Authorization: `Bearer ${token}` } })).text()
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const paper = await browser.newPage()
await paper.setContent(html)
await writeFile(`${OUT}/report.pdf`, await paper.pdf({ format: 'A4', printBackground: true }))
await paper.close()
if (!process.env.PDF_ONLY) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1024, 1440]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme })
      const page = await context.newPage()
      await page.goto(`${BASE}/`)
      await page.getByTestId('name-input').fill('Ada')
      await page.getByTestId('name-submit').click()
      await page.goto(new URL(created.links.owner!, BASE).href)
      await page.waitForFunction(() => Boolean((window as any).__concord?.editor), undefined, { timeout: 60_000 })
      await page.getByTestId('board-menu').click()
      await page.screenshot({ path: `${OUT}/menu-${scheme}-${width}.png` })
      await page.getByTestId('board-report').click()
      await page.frameLocator('[data-testid=report-frame]').getByRole('heading', { level: 1 }).waitFor()
      await page.screenshot({ path: `${OUT}/dialog-${scheme}-${width}.png` })
      await context.close()
    }
  }
}
await browser.close()
console.log('shots done', created.links.owner)
