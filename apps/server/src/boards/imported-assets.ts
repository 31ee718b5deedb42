import { ACCEPTED_ASSET_TYPES, boardAssetPath, MAX_ASSET_BYTES, type JsonRecord } from '@concord/shared'
import { randomId } from '../random-id.ts'
import type { StoredAsset } from '../storage/types.ts'

const ACCEPTED: ReadonlySet<string> = new Set(ACCEPTED_ASSET_TYPES)
const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]*)$/i

/**
 * A `.tldr` file carries its images inline as data URLs. An imported board keeps them in its
 * asset store instead (the document stays small, and the web app only shows the board's own
 * assets): each image record whose source is an accepted, small enough data URL is pointed at a
 * new asset of the board. Anything else is left as it is.
 */
export function moveInlineImagesToAssets(boardId: string, records: readonly JsonRecord[]): { records: JsonRecord[]; assets: StoredAsset[] } {
  const assets: StoredAsset[] = []
  const moved = records.map((record) => {
    const props = record.props
    if (record.typeName !== 'asset' || typeof props !== 'object' || props === null || Array.isArray(props)) return record
    const match = typeof props.src === 'string' ? DATA_URL.exec(props.src) : null
    const contentType = match?.[1]?.toLowerCase() ?? ''
    if (!match || !ACCEPTED.has(contentType)) return record
    const bytes = Buffer.from(match[2] ?? '', 'base64')
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_ASSET_BYTES) return record
    const id = randomId()
    assets.push({ boardId, id, contentType, bytes })
    return { ...record, props: { ...props, src: boardAssetPath(boardId, id) } }
  })
  return { records: moved, assets }
}
