/**
 * Text laid out into a box without measuring it: the report's SVG is made on the server, where no
 * font metrics exist, so widths are estimated from an average glyph width per font size, on the
 * wide side so text stays inside its box in the fonts browsers pick for `system-ui`.
 */

/** Average advance of one character, as a fraction of the font size (bold sans-serif, generous). */
const GLYPH_WIDTH = 0.62

/** How many characters of `fontSize` fit in `width`. */
export function charsThatFit(width: number, fontSize: number): number {
  return Math.max(1, Math.floor(width / (fontSize * GLYPH_WIDTH)))
}

function ellipsis(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1)).trimEnd()}…`
}

function chunks(word: string, size: number): string[] {
  const out: string[] = []
  for (let at = 0; at < word.length; at += size) out.push(word.slice(at, at + size))
  return out
}

/**
 * `text` wrapped at spaces into at most `maxLines` lines of at most `maxChars` characters; a word
 * longer than a line is cut, and the last line ends in an ellipsis when text is left over.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = []
  for (const word of text.trim().split(/\s+/).filter(Boolean).flatMap((whole) => chunks(whole, maxChars))) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  if (lines.length <= maxLines) return lines
  const rest = lines.slice(maxLines - 1).join(' ')
  return [...lines.slice(0, maxLines - 1), `${rest.slice(0, maxChars - 1).trimEnd()}…`]
}

/** `text` on one line of at most `maxChars` characters, with an ellipsis when cut. */
export function oneLine(text: string, maxChars: number): string {
  return ellipsis(text.trim().replace(/\s+/g, ' '), maxChars)
}
