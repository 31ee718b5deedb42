// `node --import tsx tests/fuzz/find-poison-updates.ts [seed] [count]`: the long fuzz. Generates mutants of valid
// updates (packages/test-kit/src/update-mutants.ts) and keeps those that decode (what a decode-only guard
// lets through) yet throw when Yjs applies them to a board: the poison updates. It prints the
// tally and writes what it found to tests/fixtures/poison-updates.json, which the integration
// tests replay against the real server.
import { writeFileSync } from 'node:fs'
import * as Y from 'yjs'
import { getRecordsMap, writeRecord, type JsonRecord } from '@concord/shared'
import { seededRandom } from '@concord/test-kit/random'
import { mutant } from '@concord/test-kit/update-mutants'

const seed = Number(process.argv[2] ?? 1)
const count = Number(process.argv[3] ?? 20_000)
const random = seededRandom(seed)
const tally = { generated: 0, decodeFails: 0, decodesAndApplies: 0, poison: 0 }
const poison: Array<{ kind: string; seed: number; index: number; update: string }> = []

for (let index = 0; index < count; index++) {
  const { kind, update } = mutant(random)
  tally.generated++
  try {
    Y.decodeUpdate(update)
  } catch {
    tally.decodeFails++
    continue
  }
  const board = new Y.Doc()
  writeRecord(getRecordsMap(board), { id: 'shape:base', typeName: 'shape', props: { w: 1 }, meta: {} } as unknown as JsonRecord)
  try {
    Y.applyUpdate(board, update)
    Y.encodeStateAsUpdate(board)
    tally.decodesAndApplies++
  } catch {
    tally.poison++
    if (poison.length < 12) poison.push({ kind, seed, index, update: Buffer.from(update).toString('base64') })
  }
}

console.info(JSON.stringify({ seed, ...tally }))
writeFileSync(new URL('../fixtures/poison-updates.json', import.meta.url), `${JSON.stringify(poison, null, 2)}\n`)
