import { useEffect, useState } from 'react'
import type { TLStore } from 'tldraw'
import { loadVersionStore } from './versionStore.ts'

export type VersionLoad = { kind: 'loading' } | { kind: 'ready'; store: TLStore } | { kind: 'failed'; message: string }

/** A version in its read-only store, loaded for as long as the component shows it. */
export function useVersionStore(boardId: string, token: string, versionId: string): VersionLoad {
  const [loaded, setLoaded] = useState<VersionLoad>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    loadVersionStore(boardId, token, versionId).then(
      (store) => current && setLoaded({ kind: 'ready', store }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [boardId, token, versionId])
  return loaded
}
