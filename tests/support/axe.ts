import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** Serious and critical axe violations on the page as it is now (or in the part `include` selects), in light and in dark. */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    // A frame for the new colours to apply before axe reads them.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const builder = new AxeBuilder({ page })
    const { violations } = await (include ? builder.include(include) : builder).analyze()
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`)
    expect(serious, `${what}, ${colorScheme}`).toEqual([])
  }
}
