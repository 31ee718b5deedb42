import { createShapeId } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { openBoardClient } from '../../test/boardClient.ts'
import { countLocalUpdates, linkDocs } from '../../test/linkedDocs.ts'
import { LOCAL_WRITES_PER_SECOND } from './localWriteQueue.ts'

const FRAME_MS = 1000 / 60

afterEach(() => {
  vi.useRealTimers()
})

/** Size of a document's state as the server stores it and a fresh client loads it (garbage-collected). */
function storedSize(doc: Y.Doc): number {
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc))
  const size = Y.encodeStateAsUpdate(loaded).byteLength
  loaded.destroy()
  return size
}

/**
 * Drags one shape for `seconds` at 60 frames a second, the way tldraw's select tool does (one
 * stopping point, then a position update per frame), and returns what the peer saw.
 */
function drag(seconds: number) {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'],
  })
  const dragger = openBoardClient({ seed: true })
  const peer = openBoardClient()
  linkDocs(dragger.doc, peer.doc)
  const id = createShapeId('dragged')
  dragger.editor.markHistoryStoppingPoint('create')
  dragger.editor.createShape({ id, type: 'geo', x: 0, y: 0, props: { w: 160, h: 90 } })
  // An arrow from a fixed box to the dragged one: its fix-ups must not turn into peer writes.
  const anchor = createShapeId('anchor')
  const arrow = createShapeId('arrow')
  dragger.editor.createShapes([
    { id: anchor, type: 'geo', x: -400, y: 0, props: { w: 100, h: 100 } },
    { id: arrow, type: 'arrow', x: -300, y: 50, props: { start: { x: 0, y: 0 }, end: { x: 300, y: 0 } } },
  ])
  dragger.editor.createBindings([
    { type: 'arrow', fromId: arrow, toId: anchor, props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
    { type: 'arrow', fromId: arrow, toId: id, props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
  ])
  vi.advanceTimersByTime(1000)
  const before = storedSize(peer.doc)
  const peerWrites = countLocalUpdates(peer.doc)

  const positionsShown = new Set<string>()
  peer.store.listen(() => {
    const shape = peer.store.get(id)
    if (shape) positionsShown.add(`${shape.x},${shape.y}`)
  })
  let writesReceived = 0
  peer.doc.on('update', () => writesReceived++)
  dragger.editor.markHistoryStoppingPoint('translating')
  const frames = Math.round((seconds * 1000) / FRAME_MS)
  for (let frame = 1; frame <= frames; frame++) {
    vi.advanceTimersByTime(FRAME_MS)
    dragger.editor.updateShape({ id, type: 'geo', x: frame * 1.5, y: Math.round(200 * Math.sin(frame / 30)) })
  }
  const final = dragger.editor.getShape(id)!
  vi.advanceTimersByTime(1000)
  return {
    growth: storedSize(peer.doc) - before,
    peerWrites: peerWrites.count,
    writesReceived,
    positionsShown: positionsShown.size,
    final,
    peerFinal: peer.editor.getShape(id),
  }
}

describe('a long drag', () => {
  it('adds at most 2 KB to the stored document in 10 seconds, while the peer sees the shape glide along', () => {
    const { growth, writesReceived, positionsShown, final, peerFinal, peerWrites } = drag(10)
    console.info(
      `10-second drag: +${growth} bytes to the stored document, ${writesReceived} document writes, ${positionsShown} positions shown by the peer`,
    )
    expect(growth).toBeLessThanOrEqual(2048)
    // Document writes are bounded to about LOCAL_WRITES_PER_SECOND a second ...
    expect(writesReceived).toBeGreaterThanOrEqual(LOCAL_WRITES_PER_SECOND * 10 * 0.9)
    expect(writesReceived).toBeLessThanOrEqual(LOCAL_WRITES_PER_SECOND * 10 + 2)
    // ... while the peer shows the shape moving on (nearly) every frame in between ...
    expect(positionsShown).toBeGreaterThan(writesReceived * 4)
    // ... and ends exactly where the dragger let go, without writing anything itself.
    expect(peerFinal).toMatchObject({ x: final.x, y: final.y })
    expect(peerWrites).toBe(0)
  })

  it('grows the stored document linearly, not with the frame rate, over a minute', () => {
    const { growth } = drag(60)
    console.info(`60-second drag: +${growth} bytes to the stored document`)
    expect(growth).toBeLessThanOrEqual(6 * 2048)
  })
})
