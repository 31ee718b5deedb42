// Fills a board with large shapes from its own process (so the test process does not hold the
// document): node --import tsx large-board-writer.ts <base url> <board id> <editor token> <shapes>
import { getRecordsMap, writeRecord, type JsonRecord } from '@concord/shared'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'

/**
 * Shapes per update: each update (about 20 operations a shape) stays well below the server's
 * frame size and operations-per-update limits (CONCORD_MAX_UPDATE_OPERATIONS, 10,000).
 */
const SHAPES_PER_UPDATE = 200

/** A geo shape with a paragraph of text: about 1 KB of board per shape. */
export function largeShape(index: number): JsonRecord {
  const text = `Component ${index} `.padEnd(400, 'x')
  return {
    id: `shape:s${index}`,
    typeName: 'shape',
    type: 'geo',
    x: index % 200,
    y: Math.floor(index / 200),
    rotation: 0,
    index: `a${index}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: 160, h: 90, geo: 'rectangle', richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
    meta: {},
  }
}

const [url, boardId, token, count] = process.argv.slice(2)
const writer = await connectBoard(url!, boardId!, token!)
const shapes = Number(count)
for (let start = 0; start < shapes; start += SHAPES_PER_UPDATE) {
  writer.document.transact(() => {
    for (let i = start; i < Math.min(shapes, start + SHAPES_PER_UPDATE); i++) writeRecord(getRecordsMap(writer.document), largeShape(i))
  })
}
await waitFor(() => writer.unsyncedChanges === 0, { timeoutMs: 60_000, what: 'the large board to be stored' })
writer.destroy()
process.exit(0)
