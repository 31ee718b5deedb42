import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { reviewAsMarkdown } from '../report/review-markdown.ts'
import { addReply, createThread, parseCollabDocumentName, readThreads, setThreadStatus, type ReviewAuthor } from './review.ts'
import { aggregateRubrics, readRubrics, setRubricEntry } from './rubric.ts'

const ada: ReviewAuthor = { id: 'ada-browser', name: 'Ada' }
const bob: ReviewAuthor = { id: 'bob-browser', name: 'Bob' }

/** Two replicas that exchange their updates when `sync` is called (and not before). */
function twoReplicas(): { a: Y.Doc; b: Y.Doc; sync(): void } {
  const a = new Y.Doc()
  const b = new Y.Doc()
  return {
    a,
    b,
    sync() {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    },
  }
}

describe('review document', () => {
  it('names the documents of a board', () => {
    expect(parseCollabDocumentName('review:abc')).toEqual({ kind: 'review', boardId: 'abc' })
    expect(parseCollabDocumentName('board:abc')).toEqual({ kind: 'board', boardId: 'abc' })
    expect(parseCollabDocumentName('other:abc')).toBeNull()
  })

  it('keeps concurrent replies and a concurrent resolve', () => {
    const { a, b, sync } = twoReplicas()
    createThread(a, { id: 't1', anchor: { kind: 'property', shapeId: 'shape:db', property: 'consistency' }, author: ada, text: 'Why eventual?', now: 1 })
    sync()
    addReply(a, 't1', { id: 'r-a', author: ada, text: 'Reads may be stale', createdAt: 2 })
    addReply(b, 't1', { id: 'r-b', author: bob, text: 'Quorum reads fix it', createdAt: 3 })
    setThreadStatus(b, 't1', 'resolved', bob)
    sync()
    for (const doc of [a, b]) {
      const [thread] = readThreads(doc)
      expect(thread?.comments.map((comment) => comment.id).sort()).toEqual(['r-a', 'r-b', 't1:0'])
      expect(thread).toMatchObject({ status: 'resolved', statusBy: bob, anchor: { kind: 'property', property: 'consistency' } })
    }
  })

  it('skips threads and comments a peer wrote in another shape', () => {
    const doc = new Y.Doc()
    createThread(doc, { id: 'good', anchor: { kind: 'point', pageId: 'page:p', x: 1, y: 2 }, author: ada, text: 'ok', now: 1 })
    doc.getMap('threads').set('junk', new Y.Map())
    doc.getMap('threads').set('not-a-map', 'text' as never)
    addReply(doc, 'good', { id: 'bad', author: ada, text: 5 } as never)
    expect(readThreads(doc).map((thread) => [thread.id, thread.comments.length])).toEqual([['good', 1]])
  })

  it('keeps one rubric per reviewer and aggregates the scores given', () => {
    const { a, b, sync } = twoReplicas()
    setRubricEntry(a, ada, 'clarity', { score: 4, justification: 'Readable' })
    setRubricEntry(b, bob, 'clarity', { score: 2, justification: '' })
    setRubricEntry(b, bob, 'resilience', { score: 3, justification: 'No retries' })
    setRubricEntry(a, ada, 'resilience', { score: null, justification: 'Not sure yet' })
    sync()
    const rubrics = readRubrics(a)
    expect(rubrics.map((rubric) => rubric.reviewer.name)).toEqual(['Ada', 'Bob'])
    const aggregate = Object.fromEntries(aggregateRubrics(rubrics).map((row) => [row.criterion, [row.mean, row.scores]]))
    expect(aggregate.clarity).toEqual([3, 2])
    expect(aggregate.resilience).toEqual([3, 1])
    expect(aggregate.functional).toEqual([null, 0])
  })

  it('exports as Markdown that carries no HTML from comment text', () => {
    const doc = new Y.Doc()
    createThread(doc, { id: 't', anchor: { kind: 'shape', shapeId: 'shape:lb' }, author: ada, text: '<script>alert(1)</script> see *here*', now: 0 })
    setRubricEntry(doc, ada, 'functional', { score: 5, justification: 'All covered' })
    const markdown = reviewAsMarkdown({
      boardTitle: 'KV store',
      threads: readThreads(doc),
      rubrics: readRubrics(doc),
      describeAnchor: () => 'Load balancer',
      now: 0,
    })
    expect(markdown).toContain('# Review of KV store')
    expect(markdown).toContain('| Functional requirements covered | 5.0 | 1 |')
    expect(markdown).toContain('- **Functional requirements covered**: 5/5. All covered')
    expect(markdown).toContain('### Load balancer (open)')
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; see \\*here\\*')
    expect(markdown).not.toContain('<script>')
  })
})
