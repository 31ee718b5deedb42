import { isBoardAssetPath, MAX_ASSET_BYTES, uploadAssetResponseSchema } from '@concord/shared'
import type { TLAssetStore } from 'tldraw'
import { apiErrorFrom } from '../../api/apiError.ts'

export interface AssetStoreOptions {
  boardId: string
  token: string
  /** Tells the user why an upload failed, in the server's words. */
  onUploadError(message: string): void
}

/**
 * Uploads images to the board's asset endpoint and keeps only the returned URL in the document,
 * so images are never inlined (base64) into the shared board.
 */
export function createAssetStore({ boardId, token, onUploadError }: AssetStoreOptions): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      try {
        if (file.size > MAX_ASSET_BYTES) {
          throw new Error(`Images can be at most ${MAX_ASSET_BYTES / (1024 * 1024)} MiB; this one is ${formatMiB(file.size)}.`)
        }
        const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/assets`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' },
          body: file,
          signal: abortSignal,
        })
        if (!response.ok) throw await apiErrorFrom(response)
        const { src } = uploadAssetResponseSchema.parse(await response.json())
        return { src }
      } catch (error) {
        if (abortSignal?.aborted) throw error
        onUploadError(error instanceof TypeError ? 'The image could not be uploaded: the server is unreachable.' : messageOf(error))
        throw error
      }
    },
    // Only images uploaded to this board: a peer's asset pointing elsewhere (another host, an
    // inlined data: URL) is not loaded, so the board never fetches from a third party.
    resolve(asset) {
      const { src } = asset.props
      return isBoardAssetPath(boardId, src) ? src : null
    },
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
