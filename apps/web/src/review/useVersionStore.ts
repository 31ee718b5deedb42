import { useEffect, useState } from 'react'
import type { TLStore } from 'tldraw'

export type VersionLoad = { kind: 'loading' } | { kind: 'ready'; store: TLStore } | { kind: 'failed'; message: string }

/**
 * A version in its read-only store, loaded by `load` for as long as the component shows it. The
 * caller memoises `load` on what names the version: a new function loads again.
 */
export function useVersionStore(load: () => Promise<TLStore>): VersionLoad {
  const [loaded, setLoaded] = useState<VersionLoad>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    load().then(
      (store) => current && setLoaded({ kind: 'ready', store }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [load])
  return loaded
}
