import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { extractGraph } from '../analysis/graph.ts'
import { design, shape } from '../analysis/test-design.ts'
import { createThread, readThreads, setThreadStatus, addReply, type ThreadAnchor } from '../model/review.ts'
import { buildReport } from './document.ts'
import { reportAsMarkdown } from './markdown.ts'
import { openReviewComments } from './review-comments.ts'

const NOW = Date.UTC(2026, 11, 3, 12)
const records = design(
  [
    ['api', 'stateless-service', { availability: 99.9 }, 'zone'],
    ['db', 'relational-db'],
  ],
  [['api', 'db']],
  [['zone', 'zone']],
)
const arrow = records.find((record) => record.typeName === 'shape' && record.type === 'arrow')!.id
const reviewer = { id: 'r1', name: 'Rita Reviewer' }

/** A review document with one thread per anchor, the first comment `text i`; `resolved` lists thread indexes to resolve. */
function review(anchors: Array<ThreadAnchor & { versionId?: string }>, resolved: number[] = []): Y.Doc {
  const doc = new Y.Doc()
  anchors.forEach(({ versionId, ...anchor }, i) => {
    createThread(doc, { id: `t${i}`, anchor: anchor as ThreadAnchor, author: reviewer, text: ` text ${i} `, now: NOW + i, versionId })
  })
  for (const i of resolved) setThreadStatus(doc, `t${i}`, 'resolved', reviewer)
  return doc
}

describe('the open review comments among the risks', () => {
  it('name their target and quote the first comment; resolved threads are left out', () => {
    const doc = review(
      [
        { kind: 'shape', shapeId: shape('api') },
        { kind: 'property', shapeId: shape('api'), property: 'availability' },
        { kind: 'arrow', shapeId: arrow },
        { kind: 'property', shapeId: arrow, property: 'timeout' },
        { kind: 'shape', shapeId: shape('zone') },
        { kind: 'point', pageId: 'page:page', x: 1, y: 2 },
        { kind: 'shape', shapeId: 'shape:gone', versionId: 'v1' },
        { kind: 'shape', shapeId: shape('db') },
      ],
      [7],
    )
    addReply(doc, 't0', { id: 't0:1', author: reviewer, text: 'and another thing', createdAt: NOW + 100 })
    const comments = openReviewComments(readThreads(doc), extractGraph(records), new Map([['v1', 'Milestone 1']]))
    expect(comments).toEqual([
      { target: 'component api', text: 'text 0', replies: 1, version: null },
      { target: 'Availability SLO of component api', text: 'text 1', replies: 0, version: null },
      { target: 'connection api → db', text: 'text 2', replies: 0, version: null },
      { target: 'Timeout of connection api → db', text: 'text 3', replies: 0, version: null },
      { target: 'failure domain zone', text: 'text 4', replies: 0, version: null },
      { target: 'a point on the board', text: 'text 5', replies: 0, version: null },
      { target: 'a shape no longer in this design', text: 'text 6', replies: 0, version: 'Milestone 1' },
    ])
  })

  it('are listed in the report’s risks without the reviewers’ names', () => {
    const threads = readThreads(review([{ kind: 'property', shapeId: shape('api'), property: 'availability' }, { kind: 'shape', shapeId: shape('db') }], [1]))
    const markdown = reportAsMarkdown(buildReport({ title: 'Shop', records, now: NOW, threads }))
    expect(markdown).toContain('Open review comments:\n\n- Availability SLO of component api: “text 0”\n')
    expect(markdown).not.toContain('text 1')
    expect(markdown).not.toContain('Rita')
    expect(reportAsMarkdown(buildReport({ title: 'Shop', records, now: NOW }))).toContain('Open review comments:\n\nNone.')
  })
})
