/**
 * Wraps an icon's drawing in the `<svg>` element every catalog icon shares: a 24×24 viewBox,
 * `currentColor` strokes 1.75 wide with round caps and joins, no fill unless an element asks for
 * `fill="currentColor"` (small accents). Drawn for Concord, legible at 16-24 px.
 */
export function svgIcon(body: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" ' +
    `stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
  )
}
