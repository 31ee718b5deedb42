/** Text as HTML/SVG character data or attribute value: nothing in it is markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** Text as a Markdown table cell or paragraph: no HTML, markup characters literal, one line. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]#|]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}
