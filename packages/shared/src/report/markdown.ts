import { diagramSvg } from './diagram-svg.ts'
import type { ReportDocument } from './document.ts'
import { escapeMarkdown } from './escape.ts'
import { reportHeader, reportSections, type ReportBlock } from './sections.ts'

/** The SVG as an image whose data URI has no parenthesis to end Markdown's link early. */
function diagramImage(report: ReportDocument): string {
  const uri = encodeURIComponent(diagramSvg(report.diagram)).replace(/\(/g, '%28').replace(/\)/g, '%29')
  return `![Design diagram](data:image/svg+xml;charset=utf-8,${uri})`
}

function block(report: ReportDocument, item: ReportBlock): string[] {
  switch (item.type) {
    case 'paragraph':
      return [escapeMarkdown(item.text), '']
    case 'subheading':
      return [`### ${escapeMarkdown(item.text)}`, '']
    case 'list':
      return [...item.items.map((text) => `- ${escapeMarkdown(text)}`), '']
    case 'diagram':
      return [diagramImage(report), '']
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`
      return [...(item.caption ? [`### ${escapeMarkdown(item.caption)}`, ''] : []), row(item.head), `|${item.head.map(() => ' --- |').join('')}`, ...item.rows.map(row), '']
    }
  }
}

/** The design report as Markdown: no HTML from the board gets through; the diagram is an inline SVG image. */
export function reportAsMarkdown(report: ReportDocument): string {
  const lines = [`# ${escapeMarkdown(report.title)}`, '', ...reportHeader(report).map((line) => `${escapeMarkdown(line)}  `), '']
  for (const section of reportSections(report)) {
    lines.push(`## ${section.heading}`, '')
    for (const item of section.blocks) lines.push(...block(report, item))
  }
  return `${lines.join('\n').trimEnd()}\n`
}
