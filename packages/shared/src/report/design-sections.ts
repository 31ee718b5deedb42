import type { DesignDecision, DesignNotes } from '../model/design-notes.ts'
import type { ReportBlock, ReportSection } from './sections.ts'

function listOr(items: string[], none: string): ReportBlock {
  return items.length > 0 ? { type: 'list', items } : { type: 'paragraph', text: none }
}

/** Section 2's part from the team: the goals and non-goals written in the board's Design panel. */
export function goalBlocks(notes: DesignNotes): ReportBlock[] {
  return [
    { type: 'paragraph', text: 'Goals:' },
    listOr(notes.goals.map((goal) => goal.text), 'None written yet.'),
    { type: 'paragraph', text: 'Non-goals:' },
    listOr(notes.nonGoals.map((goal) => goal.text), 'None written yet.'),
  ]
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10)

/** One decision record in MADR's order: status and date, context, options, outcome, consequences. */
function decisionBlocks(decision: DesignDecision, number: number): ReportBlock[] {
  const field = (label: string, text: string): ReportBlock => ({ type: 'paragraph', text: `${label}: ${text.trim() || 'not written yet.'}` })
  return [
    { type: 'subheading', text: `${number}. ${decision.title}` },
    { type: 'list', items: [`Status: ${decision.status}`, `Date: ${day(decision.updatedAt)} (recorded ${day(decision.createdAt)})`] },
    field('Context and problem', decision.context),
    { type: 'paragraph', text: 'Considered options:' },
    listOr(decision.options, 'None listed.'),
    field('Decision outcome', decision.decision),
    field('Consequences', decision.consequences),
  ]
}

/** Section 7: the team's decision records, oldest first; records a peer wrote invalid are named, not shown. */
export function decisionsSection(notes: DesignNotes): ReportSection {
  const skipped: ReportBlock[] =
    notes.unreadable.length === 0 ? [] : [{ type: 'paragraph', text: `Left out, as invalid: ${notes.unreadable.map(({ id, reason }) => `${id} (${reason})`).join('; ')}.` }]
  const blocks = notes.decisions.flatMap((decision, i) => decisionBlocks(decision, i + 1))
  return { heading: 'Decisions', blocks: [...(blocks.length > 0 ? blocks : [{ type: 'paragraph', text: 'No decision recorded yet.' } as const]), ...skipped] }
}
