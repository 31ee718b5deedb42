import * as Y from 'yjs'
import { getRecordsMap, writeRecord, type JsonRecord } from '@concord/shared'

/** One generated hostile update and how it was made (printed with the seed when a check fails). */
export interface Mutant {
  kind: 'bit-flip' | 'truncation' | 'reorder' | 'oversized-length' | 'deep-nesting'
  update: Uint8Array
}

/**
 * A valid update with no dependencies (it applies to any board): records written through the
 * codec by a fresh document, one of them edited and one deleted, all in one update.
 */
export function sourceUpdate(random: () => number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 1 + Math.floor(random() * 2 ** 30)
  const records = getRecordsMap(doc)
  const count = 1 + Math.floor(random() * 3)
  for (let index = 0; index < count; index++) {
    writeRecord(records, shape(`shape:m${index}`, random))
  }
  records.get('shape:m0')?.set('x', Math.round(random() * 500))
  if (count > 1) records.delete(`shape:m${count - 1}`)
  return Y.encodeStateAsUpdate(doc)
}

function shape(id: string, random: () => number): JsonRecord {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x: Math.round(random() * 800),
    y: Math.round(random() * 600),
    parentId: 'page:page',
    index: 'a1',
    props: { geo: 'rectangle', w: 120, h: 80, label: { text: 'mutant', size: 'm' }, points: [[1, 2], [3, 4]] },
    meta: {},
  } as unknown as JsonRecord
}

/** Writes into `doc` a record `id` nested `depth` maps deep, in one transaction. */
export function nestedRecord(doc: Y.Doc, id: string, depth: number): void {
  doc.transact(() => {
    const root = new Y.Map<unknown>()
    getRecordsMap(doc).set(id, root)
    root.set('id', id)
    root.set('typeName', 'shape')
    let map = root
    for (let level = 0; level < depth; level++) {
      const child = new Y.Map<unknown>()
      map.set('props', child)
      map = child
    }
  })
}

/** An update holding one record nested `depth` maps deep (the stack-overflow finding used 6,000). */
export function deepUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc()
  nestedRecord(doc, 'shape:deep', depth)
  return Y.encodeStateAsUpdate(doc)
}

/** A mutant of a fresh source update, chosen and shaped by `random`. */
export function mutant(random: () => number): Mutant {
  const source = sourceUpdate(random)
  const pick = random()
  if (pick < 0.45) return { kind: 'bit-flip', update: flipBits(source, random) }
  if (pick < 0.6) return { kind: 'truncation', update: source.slice(0, Math.floor(random() * source.length)) }
  if (pick < 0.75) return { kind: 'reorder', update: swapSlices(source, random) }
  if (pick < 0.9) return { kind: 'oversized-length', update: oversizedLength(source, random) }
  return { kind: 'deep-nesting', update: deepUpdate(33 + Math.floor(random() * 3000)) }
}

function flipBits(update: Uint8Array, random: () => number): Uint8Array {
  const out = update.slice()
  const flips = 1 + Math.floor(random() * 3)
  for (let flip = 0; flip < flips; flip++) {
    const bit = Math.floor(random() * out.length * 8)
    out[bit >> 3]! ^= 1 << (bit & 7)
  }
  return out
}

/** Two equally long byte ranges swapped: structs and their fields out of order. */
function swapSlices(update: Uint8Array, random: () => number): Uint8Array {
  const out = update.slice()
  const length = 1 + Math.floor(random() * Math.min(16, out.length / 2))
  const a = Math.floor(random() * (out.length - 2 * length))
  const b = a + length + Math.floor(random() * (out.length - a - 2 * length))
  const first = out.slice(a, a + length)
  out.copyWithin(a, b, b + length)
  out.set(first, b)
  return out
}

/** A huge varint (2^35 - 1) written over a byte, where a length or count is likely read. */
function oversizedLength(update: Uint8Array, random: () => number): Uint8Array {
  const at = Math.floor(random() * update.length)
  const huge = [0xff, 0xff, 0xff, 0xff, 0x07]
  const out = new Uint8Array(update.length + huge.length - 1)
  out.set(update.subarray(0, at))
  out.set(huge, at)
  out.set(update.subarray(at + 1), at + huge.length)
  return out
}
