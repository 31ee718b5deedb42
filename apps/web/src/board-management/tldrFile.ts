import { getRecordsMap, readAllRecords } from '@concord/shared'
import {
  createTLStore,
  defaultBindingUtils,
  parseTldrawJsonFile,
  serializeTldrawJson,
  TLDRAW_FILE_EXTENSION,
  type Editor,
  type TldrawFile,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import { boardShapeUtils } from '../shapes/index.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'
import { downloadFile } from './downloadFile.ts'
import { recordsFromV1Document } from './v1File.ts'

/**
 * Boards as tldraw `.tldr` files. Concord's own data rides inside tldraw's format, so the file
 * opens in tldraw too: the board title is the document record's name, and `meta.concord` says
 * where it came from.
 */
const DOCUMENT_ID = 'document:document'

function withConcordData(file: TldrawFile, title: string): TldrawFile {
  const records = file.records.map((record) =>
    record.id === DOCUMENT_ID
      ? { ...record, name: title, meta: { ...(record as { meta?: object }).meta, concord: { title, exportedAt: new Date().toISOString() } } }
      : record,
  )
  return { ...file, records }
}

/** The open board as a `.tldr` file, images included inline. */
export async function editorAsTldr(editor: Editor, title: string): Promise<string> {
  const file = JSON.parse(await serializeTldrawJson(editor)) as TldrawFile
  return JSON.stringify(withConcordData(file, title))
}

/** The board's local copy (this device's Y.Doc) as a `.tldr` file, for when the editor cannot open it. */
export function localCopyAsTldr(store: TLStore, doc: Y.Doc, title: string): string {
  return recordsAsTldr(store, readAllRecords(getRecordsMap(doc)), title)
}

/** Design records (e.g. of a version submitted for review) as a `.tldr` file in the store's schema. */
export function recordsAsTldr(store: TLStore, records: readonly object[], title: string): string {
  const file: TldrawFile = { tldrawFileFormatVersion: 1, schema: store.schema.serialize(), records: records as TldrawFile['records'] }
  return JSON.stringify(withConcordData(file, title))
}

/** Saves `text` as a download named after the board. */
export function downloadTldr(title: string, text: string): void {
  downloadFile(title, TLDRAW_FILE_EXTENSION.slice(1), new Blob([text], { type: 'application/vnd.tldraw+json' }))
}

const PARSE_ERRORS: Record<string, string> = {
  notATldrawFile: 'This is not a tldraw (.tldr) file.',
  fileFormatVersionTooNew: 'This file was made by a newer version of tldraw. Update Concord and try again.',
  migrationFailed: 'This file could not be brought up to date with this version of tldraw.',
  invalidRecords: 'This file contains records that are not valid.',
}

/** Reads a `.tldr` file (migrating it to the current schema, converting a tldraw v1 file): its title and document records. */
export async function readTldrFile(file: File): Promise<{ title: string; records: unknown[] }> {
  const schema = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, records: boardRecordTypes }).schema
  const parsed = parseTldrawJsonFile({ json: await file.text(), schema })
  const fileName = file.name.replace(/\.tldr$/i, '').trim()
  if (!parsed.ok && parsed.error.type === 'v1File') {
    const { name, records } = recordsFromV1Document((parsed.error.data as { document: unknown }).document)
    // tldraw v1 called every document "New Document": the file name says more.
    return { title: titleFrom(name === 'New Document' ? '' : name, fileName), records }
  }
  if (!parsed.ok) throw new Error(PARSE_ERRORS[parsed.error.type] ?? 'This file could not be read.')
  const store = parsed.value
  const records = store.allRecords().filter((record) => schema.types[record.typeName]?.scope === 'document')
  const documentName = records.find((record) => record.id === DOCUMENT_ID)
  const named = documentName && 'name' in documentName && typeof documentName.name === 'string' ? documentName.name.trim() : ''
  return { title: titleFrom(named, fileName), records }
}

function titleFrom(named: string, fileName: string): string {
  return (named || fileName || 'Imported board').slice(0, 200)
}
