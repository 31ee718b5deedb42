import { afterEach, describe, expect, it } from 'vitest'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { boardDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { seededRandom } from '@concord/test-kit/random'
import { testSeed } from '@concord/test-kit/seed'
import { RawCollabSocket } from '@concord/test-kit/raw-collab'
import { waitFor } from '@concord/test-kit/wait'
import { ServerProcess } from '../support/server-process.ts'
import { mutant } from '@concord/test-kit/update-mutants'

/** Mutants per run: enough to meet every kind many times, few enough for about 20 s. */
const MUTANTS = 150

let server: ServerProcess | null = null
const clients: HocuspocusProvider[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

describe('a seeded corpus of mutated updates against the real server', () => {
  it('leaves the server up, other boards working, the board loadable after kill -9, and every acknowledged edit kept', async () => {
    const seed = testSeed()
    const random = seededRandom(seed)
    const context = (index: number, kind: string) => `seed ${seed} (CONCORD_TEST_SEED=${seed} to replay), mutant ${index} (${kind})`
    const srv = new ServerProcess()
    server = srv
    await srv.start()
    const board = await createBoard(srv.url, 'Corpus')
    const other = await createBoard(srv.url, 'Other')
    const honest = await connectBoard(srv.url, board.id, linkToken(board.links.editor))
    const otherWriter = await connectBoard(srv.url, other.id, linkToken(other.links.editor))
    const otherReader = await connectBoard(srv.url, other.id, linkToken(other.links.viewer))
    clients.push(honest, otherWriter, otherReader)
    const name = boardDocumentName(board.id)
    const kinds: Record<string, { accepted: number; refused: number }> = {}

    let attacker = await RawCollabSocket.open(srv.url, name, linkToken(board.links.editor))
    for (let index = 0; index < MUTANTS; index++) {
      const { kind, update } = mutant(random)
      if (!attacker.isOpen) attacker = await RawCollabSocket.open(srv.url, name, linkToken(board.links.editor))
      const answered = attacker.acknowledgements().length
      attacker.sendUpdate(update)
      await waitFor(() => !attacker.isOpen || attacker.acknowledgements().length > answered, { timeoutMs: 10_000, what: `an answer to ${context(index, kind)}` })
      const tally = (kinds[kind] ??= { accepted: 0, refused: 0 })
      if (attacker.isOpen) tally.accepted++
      else tally.refused++

      honest.document.getMap('honest').set(String(index), index)
      await waitFor(() => honest.unsyncedChanges === 0, { timeoutMs: 10_000, what: `the honest edit after ${context(index, kind)}` })
      if (index % 25 === 0) {
        otherWriter.document.getMap('probe').set('index', index)
        await waitFor(() => otherReader.document.getMap('probe').get('index') === index, { timeoutMs: 10_000, what: `the other board after ${context(index, kind)}` })
      }
    }
    attacker.close()
    expect((await fetch(new URL('/healthz', srv.url))).status, `seed ${seed}`).toBe(200)

    await srv.stop('SIGKILL')
    await srv.start()
    const reader = await connectBoard(srv.url, board.id, linkToken(board.links.owner))
    clients.push(reader)
    const missing = Array.from({ length: MUTANTS }, (_, index) => index).filter((index) => reader.document.getMap('honest').get(String(index)) !== index)
    expect({ seed, missing }).toEqual({ seed, missing: [] })
    // Every kind was met; deep nesting beyond the limit is always refused.
    expect(Object.keys(kinds).sort(), `seed ${seed}: ${JSON.stringify(kinds)}`).toEqual(['bit-flip', 'deep-nesting', 'oversized-length', 'reorder', 'truncation'])
    expect(kinds['deep-nesting']!.accepted, `seed ${seed}`).toBe(0)
  })
})
