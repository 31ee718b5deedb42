/**
 * Text that must stay inside a component's card in SVG, where nothing wraps or clips by itself.
 * Widths are estimated (an average sans-serif glyph is about 0.6 of the font size; bold a little
 * more), erring on the short side; the card's clip path catches what the estimate misses.
 */
const GLYPH = 0.6
const BOLD_GLYPH = 0.64

function capacity(width: number, fontSize: number, bold: boolean): number {
  return Math.max(1, Math.floor(width / (fontSize * (bold ? BOLD_GLYPH : GLYPH))))
}

/** The text on one line of `width`, cut with "…" when it does not fit. */
export function fitLine(text: string, width: number, fontSize: number, bold = false): string {
  const max = capacity(width, fontSize, bold)
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/** The text wrapped at spaces into at most `maxLines` lines of `width`; the last one cut with "…". */
export function wrapLines(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const max = capacity(width, fontSize, bold)
  const lines: string[] = []
  let rest = text.trim()
  while (rest.length > 0 && lines.length < maxLines - 1) {
    if (rest.length <= max) break
    const cut = rest.lastIndexOf(' ', max)
    const end = cut > 0 ? cut : max
    lines.push(rest.slice(0, end).trimEnd())
    rest = rest.slice(end).trimStart()
  }
  if (rest.length > 0) lines.push(fitLine(rest, width, fontSize, bold))
  return lines
}

/** Whether a component's name is just its kind's label (as placed from the library): shown once, not twice. */
export function nameIsKindLabel(name: string, kindLabel: string | undefined): boolean {
  return kindLabel !== undefined && name.trim() === kindLabel
}
