import { decisionsSection, goalBlocks } from './design-sections.ts'
import type { ReportDocument, ReportRisk } from './document.ts'
import type { ReportComment } from './review-comments.ts'

/** A piece of a section, in a form both the Markdown and the HTML renderer lay out. */
export type ReportBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'list'; items: string[] }
  /** `widths`: each column's share of the page width, so printed columns fit A4 and words stay whole. */
  | { type: 'table'; caption?: string; head: string[]; rows: string[][]; widths?: number[] }
  | { type: 'diagram' }

export interface ReportSection {
  heading: string
  blocks: ReportBlock[]
}

function riskText(risk: ReportRisk): string {
  const where = risk.shapes.length > 0 ? ` (${risk.shapes.join(', ')})` : ''
  return `${risk.severity}, ${risk.rule}${where}: ${risk.message}`
}

function commentText(comment: ReportComment): string {
  const replies = comment.replies === 0 ? '' : ` (${comment.replies} ${comment.replies === 1 ? 'reply' : 'replies'})`
  const version = comment.version === null ? '' : ` [on version ${comment.version}]`
  return `${comment.target}${version}: “${comment.text}”${replies}`
}

function changesSection({ changes }: ReportDocument): ReportSection {
  const heading = 'Changes since the last submitted version'
  if (changes === null) return { heading, blocks: [{ type: 'paragraph', text: 'No earlier version was submitted.' }] }
  if (changes.items.length === 0) return { heading, blocks: [{ type: 'paragraph', text: `No changes since “${changes.since}”.` }] }
  return {
    heading,
    blocks: [
      { type: 'paragraph', text: `Since “${changes.since}”:` },
      { type: 'table', head: ['Change', 'What', 'Detail'], rows: changes.items.map((item) => [item.change, item.subject, item.detail]), widths: [12, 48, 40] },
    ],
  }
}

/** The report's sections in order, each as text blocks; section 1 (title, members, date) is the renderers' header. */
export function reportSections(report: ReportDocument): ReportSection[] {
  const or = (items: string[], none: string): ReportBlock => (items.length > 0 ? { type: 'list', items } : { type: 'paragraph', text: none })
  return [
    {
      heading: 'Context, goals and non-goals',
      blocks: [
        { type: 'paragraph', text: 'Entries (where requests come in):' },
        or(report.context.entries, 'None: every component has a caller.'),
        { type: 'paragraph', text: 'External dependencies:' },
        or(report.context.external, 'None.'),
        ...goalBlocks(report.design),
      ],
    },
    { heading: 'Diagram', blocks: [{ type: 'diagram' }] },
    {
      heading: 'Building blocks',
      blocks:
        report.blocks.length === 0
          ? [{ type: 'paragraph', text: 'No components.' }]
          : report.blocks.map((block) => ({
              type: 'table',
              caption: block.domain ? `${block.domain.name} (${block.domain.kind})` : 'Outside any failure domain',
              head: ['Component', 'Kind', 'Property', 'Value', 'Rationale'],
              widths: [18, 15, 18, 15, 34],
              rows: block.components.flatMap((component) =>
                component.properties.length === 0
                  ? [[component.name, component.kind, '', '', '']]
                  : component.properties.map((property, i) => [i === 0 ? component.name : '', i === 0 ? component.kind : '', property.label, property.value, property.rationale]),
              ),
            })),
    },
    {
      heading: 'Connections',
      blocks: [
        report.connections.length === 0
          ? { type: 'paragraph', text: 'No connections.' }
          : {
              type: 'table',
              head: ['Caller', 'Callee', 'Mode', 'Protocol', 'Delivery', 'Timeout and retries', 'Rationale'],
              widths: [12, 12, 15, 13, 13, 12, 23],
              rows: report.connections.map((c) => [c.caller, c.callee, c.mode, c.protocol, c.delivery, c.timeoutAndRetries, c.rationales.join(' ')]),
            },
      ],
    },
    {
      heading: 'Quality requirements',
      blocks: [
        report.quality.length === 0
          ? { type: 'paragraph', text: 'No component states a non-functional claim.' }
          : {
              type: 'table',
              head: ['Component', 'Claim', 'Claimed', 'Computed', 'Verdict', 'Reason'],
              widths: [17, 15, 15, 15, 14, 24],
              rows: report.quality.map((row) => [row.component, row.claim, row.claimed, row.computed ?? '–', row.verdict, row.reason]),
            },
      ],
    },
    decisionsSection(report.design),
    {
      heading: 'Risks',
      blocks: [
        { type: 'paragraph', text: 'Open findings:' },
        or(report.risks.open.map(riskText), 'None.'),
        { type: 'paragraph', text: 'Findings marked not applicable:' },
        or(report.risks.notApplicable.map((risk) => `${riskText(risk)} Justification: ${risk.justification || 'none given'}`), 'None.'),
        { type: 'paragraph', text: 'Open review comments:' },
        or(report.risks.comments.map(commentText), 'None.'),
      ],
    },
    changesSection(report),
  ]
}

/** The header lines under the title: version, date and members (omitted when unknown). */
export function reportHeader(report: ReportDocument): string[] {
  return [
    ...(report.version === null ? [] : [`Version: ${report.version}`]),
    `Date: ${report.date}`,
    ...(report.members.length === 0 ? [] : [`Team: ${report.members.join(', ')}`]),
  ]
}
