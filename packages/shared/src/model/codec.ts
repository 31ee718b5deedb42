import * as Y from 'yjs'
import { isPlainObject, jsonEqual, type JsonObject, type JsonValue } from './json.ts'
import { readBounded } from './bounded-read.ts'
import type { YRecord, YRecords } from './layout.ts'

/**
 * The record codec: the one place that decides how a tldraw record lives in Yjs.
 *
 * A record is a Y.Map of its top-level fields. `props` and `meta` are nested Y.Maps, and so is
 * every plain object inside them (recursively), so that concurrent edits to different fields of
 * one record, or to different keys of a nested object, all survive. Values that are atomic by
 * nature stay whole JSON: arrays (draw segments, points) and rich text.
 *
 * Writes are idempotent: a field whose stored value is already equal is not written again, so
 * echoes of remote changes (tldraw's side effects re-emit them as local) converge instead of looping.
 */

/** A tldraw record as plain JSON. */
export interface JsonRecord extends JsonObject {
  id: string
  typeName: string
}

/** Top-level record fields that are stored as nested maps. */
const NESTED_ROOT_KEYS = new Set(['props', 'meta'])
/** Keys whose object value is atomic wherever it appears inside props or meta. */
const ATOMIC_KEYS = new Set(['richText'])

function isNested(key: string, value: JsonValue, depth: number): value is JsonObject {
  if (!isPlainObject(value)) return false
  if (depth === 0) return NESTED_ROOT_KEYS.has(key)
  return !ATOMIC_KEYS.has(key)
}

function fillMap(map: Y.Map<unknown>, object: JsonObject, depth: number): void {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue
    map.set(key, isNested(key, value, depth) ? newNestedMap(value, depth + 1) : value)
  }
}

function newNestedMap(object: JsonObject, depth: number): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  fillMap(map, object, depth)
  return map
}

/**
 * Writes `next` into `map`, touching only what differs. `prev` is the value a local change started
 * from: then only the fields that differ between `prev` and `next` are written, so a peer's
 * concurrent edit to another field stays; without it, every field is compared with the stored one.
 */
function patchMap(map: Y.Map<unknown>, next: JsonObject, prev: JsonObject | undefined, depth: number): void {
  const before = prev ? Object.keys(prev).filter((key) => prev[key] !== undefined) : Array.from(map.keys())
  for (const key of before) {
    if (!Object.hasOwn(next, key) || next[key] === undefined) map.delete(key)
  }
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || (prev && jsonEqual(prev[key], value))) continue
    const current = map.get(key)
    if (isNested(key, value, depth)) {
      // A nested change is diffed against the field's previous value; one that was no object is written whole.
      const nestedPrev = prev === undefined ? undefined : isPlainObject(prev[key]) ? prev[key] : null
      if (current instanceof Y.Map && nestedPrev !== null) patchMap(current, value, nestedPrev, depth + 1)
      else map.set(key, newNestedMap(value, depth + 1))
    } else if (current instanceof Y.AbstractType || !jsonEqual(current, value)) {
      map.set(key, value)
    }
  }
}

/** Creates or updates a record in the records map, writing only fields that differ from the stored ones. */
export function writeRecord(records: YRecords, record: JsonRecord): void {
  const existing = records.get(record.id)
  if (existing instanceof Y.Map) patchMap(existing, record, undefined, 0)
  else records.set(record.id, newNestedMap(record, 0) as YRecord)
}

/**
 * Writes a local change of a record (`prev` to `next`): only the fields the change touched, so a
 * peer's concurrent edit to another field, already merged into the stored record, is never
 * overwritten with a stale value. A record missing from the map (a peer deleted it meanwhile) is
 * written whole.
 */
export function writeRecordChange(records: YRecords, prev: JsonRecord, next: JsonRecord): void {
  const existing = records.get(next.id)
  if (existing instanceof Y.Map) patchMap(existing, next, prev, 0)
  else records.set(next.id, newNestedMap(next, 0) as YRecord)
}

/** Removes a record. Removing an absent record is a no-op. */
export function deleteRecord(records: YRecords, id: string): void {
  if (records.has(id)) records.delete(id)
}

/**
 * Reads a record back as plain JSON, or null when absent or not shaped like a record
 * (a peer wrote something else under the key, or nested it deeper than `MAX_READ_DEPTH`).
 */
export function readRecord(records: YRecords, id: string): JsonRecord | null {
  const map = records.get(id)
  if (!(map instanceof Y.Map)) return null
  const json = readBounded(map)
  if (!isPlainObject(json) || json.id !== id || typeof json.typeName !== 'string') return null
  return json as JsonRecord
}

/** Every record in the map, skipping entries that are not shaped like records. */
export function readAllRecords(records: YRecords): JsonRecord[] {
  const out: JsonRecord[] = []
  for (const id of records.keys()) {
    const record = readRecord(records, id)
    if (record) out.push(record)
  }
  return out
}

/** The ids of the records touched by a deep observer's events on the records map. */
export function touchedRecordIds(records: YRecords, events: Array<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
  const touched = new Set<string>()
  for (const event of events) {
    if (event.target === records) {
      for (const key of event.changes.keys.keys()) touched.add(key)
    } else {
      const first = event.path[0]
      if (typeof first === 'string') touched.add(first)
    }
  }
  return touched
}

/**
 * The ids of the records touched by a deep observer's events on the records map, split into
 * records that now exist (to put) and records that are gone (to remove).
 */
export function changedRecordIds(
  records: YRecords,
  events: Array<Y.YEvent<Y.AbstractType<unknown>>>,
): { put: Set<string>; removed: Set<string> } {
  const put = new Set<string>()
  const removed = new Set<string>()
  for (const id of touchedRecordIds(records, events)) (records.has(id) ? put : removed).add(id)
  return { put, removed }
}
