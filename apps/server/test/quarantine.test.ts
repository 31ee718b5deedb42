import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { SqliteStorage } from '../src/storage/sqlite.ts'
import { testResources } from './helpers/resources.ts'

const { start, open, dataDir, editorOnNewBoard } = testResources()

/** Updates that decode but throw when applied (tests/fuzz/find-poison-updates.ts). */
const POISON: Array<{ update: string }> = JSON.parse(readFileSync(new URL('../../../tests/fixtures/poison-updates.json', import.meta.url), 'utf8'))

describe('stored updates that cannot be applied', () => {
  it('are quarantined at load: the board loads with everything else, the log and /metrics report them', async () => {
    const dir = dataDir()
    const first = await start({ dataDir: dir })
    const { board, name, writer } = await editorOnNewBoard(first)
    writer.doc.getMap('test').set('before', 'kept')
    await acknowledged(writer)
    writer.destroy()
    await first.close()

    // A poisoned row, as a server without validation (or a bad disk) could have written it, between two good ones.
    const storage = new SqliteStorage(dir)
    const later = new Y.Doc()
    later.getMap('test').set('after', 'kept too')
    const poison = POISON[0]!.update
    await storage.writeDocuments([{ name, updates: [Buffer.from(poison, 'base64'), Y.encodeStateAsUpdate(later)] }])
    await storage.close()

    const second = await start({ dataDir: dir })
    const reader = open(second.url, board.id, linkToken(board.links.owner))
    await synced(reader)
    expect(reader.doc.getMap('test').toJSON()).toEqual({ before: 'kept', after: 'kept too' })
    const line = await second.waitForLog((record) => record.msg === 'stored updates that cannot be applied were quarantined', 'the quarantine line')
    expect(line).toMatchObject({ documentName: name, updates: 1 })
    expect(await second.server.storage.getSetting((line.keys as string[])[0]!)).toBe(poison)
    const metrics = await (await fetch(`${second.url}/metrics`)).text()
    expect(metrics).toMatch(/^concord_quarantined_updates_total 1$/m)
  })
})
