import { describe, expect, it } from 'vitest'
import { linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { testResources } from './helpers/resources.ts'

const resources = testResources()
const { dataDir, open, editorOnNewBoard } = resources
const start = (dir: string) => resources.start({ dataDir: dir })

const isCompacted = (record: { msg?: string }) => record.msg === 'document compacted'

describe('persistence across restarts', () => {
  it('keeps boards, edits and the link secret: old links still open the board', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, writer } = await editorOnNewBoard(first, 'Durable')
    writer.doc.getMap('test').set('shape', 'survives')
    await acknowledged(writer)
    writer.destroy()
    await first.close()

    const second = await start(dir)
    const response = await fetch(`${second.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${linkToken(board.links.owner)}` },
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { title: string }).title).toBe('Durable')

    const reader = open(second.url, board.id, linkToken(board.links.owner))
    await synced(reader)
    expect(reader.doc.getMap('test').get('shape')).toBe('survives')
  })

  it('a graceful close compacts open documents: the next start loads one snapshot and no log', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, name, writer } = await editorOnNewBoard(first)
    writer.doc.getMap('test').set('last-second', 'edit')
    await acknowledged(writer)
    // Acknowledged means logged; the compaction waits for the client to leave or the board to idle.
    expect((await first.server.storage.loadDocument(name))?.log.length).toBeGreaterThan(0)
    expect(first.logs.filter(isCompacted)).toHaveLength(0)
    await first.close()
    expect(first.logs.filter(isCompacted)).toMatchObject([{ documentName: name, reason: 'unload' }])
    writer.destroy()

    const second = await start(dir)
    expect((await second.server.storage.loadDocument(name))?.log).toEqual([])
    const reader = open(second.url, board.id, linkToken(board.links.editor))
    await synced(reader)
    expect(reader.doc.getMap('test').get('last-second')).toBe('edit')
  })
})
