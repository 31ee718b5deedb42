import { diagramSvg } from './diagram-svg.ts'
import type { ReportDocument } from './document.ts'
import { escapeHtml } from './escape.ts'
import { reportHeader, reportSections, type ReportBlock } from './sections.ts'

/**
 * Inline, so the file stands alone. On paper each section after the first starts a page, headings
 * and captions stay with what follows, rows and the diagram are never split, and tables with
 * column widths keep to the page.
 */
const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #111; background: #fff; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { margin: 1.2em 0 0.4em; }
.meta { color: #444; margin: 0; }
figure { margin: 1em 0; }
figure svg { width: 100%; height: auto; max-height: 80vh; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; }
table.sized { table-layout: fixed; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.sized td { overflow-wrap: anywhere; }
th { background: #f0f0f0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  table { font-size: 9pt; }
  section:not(:first-of-type) { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  figure svg { max-height: 24cm; }
}
@page { size: A4; margin: 1.5cm; }
`

function block(report: ReportDocument, item: ReportBlock): string {
  switch (item.type) {
    case 'paragraph':
      return `<p>${escapeHtml(item.text)}</p>`
    case 'subheading':
      return `<h3>${escapeHtml(item.text)}</h3>`
    case 'list':
      return `<ul>${item.items.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>`
    case 'diagram':
      return `<figure>${diagramSvg(report.diagram)}</figure>`
    case 'table': {
      const caption = item.caption ? `<caption>${escapeHtml(item.caption)}</caption>` : ''
      const cols = item.widths ? `<colgroup>${item.widths.map((share) => `<col style="width:${share}%">`).join('')}</colgroup>` : ''
      const head = `<thead><tr>${item.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>`
      const rows = item.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')
      return `<table${item.widths ? ' class="sized"' : ''}>${caption}${cols}${head}<tbody>${rows}</tbody></table>`
    }
  }
}

/** The design report as one self-contained HTML page (inline CSS and SVG, no external reference), printable. */
export function reportAsHtml(report: ReportDocument): string {
  const sections = reportSections(report)
    .map((section) => `<section><h2>${escapeHtml(section.heading)}</h2>${section.blocks.map((item) => block(report, item)).join('')}</section>`)
    .join('')
  const header = reportHeader(report)
    .map((line) => `<p class="meta">${escapeHtml(line)}</p>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(report.title)}</h1>${header}${sections}</body></html>\n`
}
