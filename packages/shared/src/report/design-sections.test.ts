import { describe, expect, it } from 'vitest'
import type { JsonRecord } from '../model/codec.ts'
import type { DesignDecision, DesignGoal } from '../model/design-notes.ts'
import { buildReport } from './document.ts'
import { reportAsHtml } from './html.ts'
import { reportAsMarkdown } from './markdown.ts'

const NOW = Date.UTC(2026, 11, 3, 12)
const goal = (id: string, list: DesignGoal['list'], text: string, createdAt: number): DesignGoal => ({ id: `design_goal:${id}`, typeName: 'design_goal', list, text, createdAt })
const decision = (overrides: Partial<DesignDecision>): DesignDecision => ({
  id: 'design_decision:d1',
  typeName: 'design_decision',
  title: 'Queue the <uploads>',
  status: 'accepted',
  context: 'Uploads spike at the deadline.',
  options: ['A queue', 'More web servers'],
  decision: 'A queue in front of the workers.',
  consequences: 'Uploads finish asynchronously.',
  createdAt: Date.UTC(2026, 10, 20),
  updatedAt: Date.UTC(2026, 11, 1),
  ...overrides,
})

function report(notes: Array<DesignGoal | DesignDecision>) {
  return buildReport({ title: 'Board', records: notes as unknown as JsonRecord[], now: NOW })
}

/** The Markdown between a section's heading and the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  expect(start).toBeGreaterThan(-1)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

describe('goals, non-goals and decisions in the report', () => {
  it('section 2 lists the goals and non-goals in writing order; section 7 each decision in MADR order', () => {
    const later = decision({ id: 'design_decision:d2', title: 'Drop the cache', status: 'superseded', options: [], decision: '', createdAt: Date.UTC(2026, 10, 25) })
    const markdown = reportAsMarkdown(report([goal('b', 'goal', 'Grade 200 uploads a minute', 2), goal('a', 'goal', 'Survive a zone outage', 1), goal('n', 'non-goal', 'Multi-region', 3), later, decision({})]))
    expect(section(markdown, 'Context, goals and non-goals')).toContain('Goals:\n\n- Survive a zone outage\n- Grade 200 uploads a minute\n\nNon-goals:\n\n- Multi-region\n')
    expect(section(markdown, 'Decisions')).toContain(
      [
        '### 1. Queue the &lt;uploads&gt;',
        '',
        '- Status: accepted',
        '- Date: 2026-12-01 (recorded 2026-11-20)',
        '',
        'Context and problem: Uploads spike at the deadline.',
        '',
        'Considered options:',
        '',
        '- A queue',
        '- More web servers',
        '',
        'Decision outcome: A queue in front of the workers.',
        '',
        'Consequences: Uploads finish asynchronously.',
        '',
        '### 2. Drop the cache',
      ].join('\n'),
    )
    expect(section(markdown, 'Decisions')).toContain('- Status: superseded')
    expect(section(markdown, 'Decisions')).toContain('Considered options:\n\nNone listed.\n\nDecision outcome: not written yet.')

    const html = reportAsHtml(report([goal('a', 'non-goal', 'Multi-region', 1), decision({})]))
    expect(html).toContain('<p>Goals:</p><p>None written yet.</p><p>Non-goals:</p><ul><li>Multi-region</li></ul>')
    expect(html).toContain('<h2>Decisions</h2><h3>1. Queue the &#60;uploads&#62;</h3><ul><li>Status: accepted</li>')
    expect(html).toContain('<p>Considered options:</p><ul><li>A queue</li><li>More web servers</li></ul>')
  })

  it('says what goes there when nothing is written, and names the records a peer wrote invalid', () => {
    const empty = reportAsMarkdown(report([]))
    expect(section(empty, 'Context, goals and non-goals')).toContain('Goals:\n\nNone written yet.\n\nNon-goals:\n\nNone written yet.')
    expect(section(empty, 'Decisions')).toContain('No decision recorded yet.')

    const markdown = reportAsMarkdown(report([decision({}), decision({ id: 'design_decision:bad', title: ' ' })]))
    expect(section(markdown, 'Decisions')).toContain('### 1. Queue the &lt;uploads&gt;')
    expect(section(markdown, 'Decisions')).not.toContain('### 2')
    expect(section(markdown, 'Decisions')).toContain('Left out, as invalid: design\\_decision:bad (The title cannot be empty).')
  })

  it('orders the sections as the course asks: decisions after quality requirements, before risks and the changes', () => {
    const headings = reportAsMarkdown(report([])).match(/^## .*$/gm)
    expect(headings).toEqual(['## Context, goals and non-goals', '## Diagram', '## Building blocks', '## Connections', '## Quality requirements', '## Decisions', '## Risks', '## Changes since the last submitted version'])
  })
})
