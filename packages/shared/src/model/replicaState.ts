import * as Y from 'yjs'
import type { ClockRange, StateVectorJson } from '../protocol/lab.ts'
import { readBounded } from './bounded-read.ts'
import { readRecord } from './codec.ts'
import { getBoardMap, getRecordsMap } from './layout.ts'

/**
 * What the replication lab compares between replicas. Equal state vectors already mean equal
 * Yjs documents, but the digest is of what users see: every record (read through the codec,
 * sorted by id, keys sorted) and the board map. Two replicas with the same records but different
 * histories (one saw a value that was later overwritten) have equal digests, as users would judge.
 */
export function boardDigest(doc: Y.Doc): string {
  const steps = boardDigestSteps(doc)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * `boardDigest` in steps, for a caller that must not block for the whole of a large board (the
 * server yields to other work every few milliseconds): each `next()` reads one record, the last
 * returns the digest. The document must not change between the first step
 * and the last. The digest is the hash of `{"board":…,"records":[…]}` in canonical JSON,
 * records sorted by id (keys are the records' ids), hashed as it is written.
 */
export function* boardDigestSteps(doc: Y.Doc): Generator<void, string> {
  const records = getRecordsMap(doc)
  const ids = [...records.keys()].sort()
  const hash = new Hash53()
  hash.update(`{"board":${canonicalJson(readBounded(getBoardMap(doc)))},"records":[`)
  let separator = ''
  for (let index = 0; index < ids.length; index++) {
    const record = readRecord(records, ids[index]!)
    if (record) {
      hash.update(separator + canonicalJson(record))
      separator = ','
    }
    yield
  }
  hash.update(']}')
  return hash.digest()
}

/** The document's state vector as JSON (client id → clock). */
export function stateVectorOf(doc: Y.Doc): StateVectorJson {
  return stateVectorToJson(Y.decodeStateVector(Y.encodeStateVector(doc)))
}

export function stateVectorToJson(vector: Map<number, number>): StateVectorJson {
  const json: StateVectorJson = {}
  for (const [client, clock] of [...vector].sort(([a], [b]) => a - b)) json[String(client)] = clock
  return json
}

/** `3188817251:12 · 4102:3`, clients in ascending id order; `empty` for a fresh document. */
export function formatStateVector(vector: StateVectorJson): string {
  const entries = Object.entries(vector).sort(([a], [b]) => Number(a) - Number(b))
  return entries.length === 0 ? 'empty' : entries.map(([client, clock]) => `${client}:${clock}`).join(' · ')
}

export type StateVectorOrder = 'equal' | 'behind' | 'ahead' | 'concurrent'

/** How `a` relates to `b`: `behind` when b has seen everything a has and more; `concurrent` when each has something the other lacks. */
export function compareStateVectors(a: StateVectorJson, b: StateVectorJson): StateVectorOrder {
  let aHasMore = false
  let bHasMore = false
  for (const client of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const ca = a[client] ?? 0
    const cb = b[client] ?? 0
    if (ca > cb) aHasMore = true
    if (cb > ca) bHasMore = true
  }
  return aHasMore ? (bHasMore ? 'concurrent' : 'ahead') : bHasMore ? 'behind' : 'equal'
}

/** The operations an update contains, per author, ordered by client id (an update that only deletes has none). */
export function updateAuthors(update: Uint8Array): ClockRange[] {
  const { from, to } = Y.parseUpdateMeta(update)
  return [...to]
    .filter(([client, end]) => end > (from.get(client) ?? 0))
    .sort(([a], [b]) => a - b)
    .map(([clientId, end]) => ({ clientId, from: from.get(clientId) ?? 0, to: end }))
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; collisions are not a concern
 * here), as 14 hex digits; fed in pieces, it hashes their concatenation.
 */
class Hash53 {
  private h1 = 0xdeadbeef
  private h2 = 0x41c6ce57

  update(text: string): void {
    let { h1, h2 } = this
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ ch, 2654435761)
      h2 = Math.imul(h2 ^ ch, 1597334677)
    }
    this.h1 = h1
    this.h2 = h2
  }

  digest(): string {
    let { h1, h2 } = this
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
  }
}
