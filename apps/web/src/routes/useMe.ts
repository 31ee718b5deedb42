import { tokenFromHash, type MeResponse } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchMe } from '../api/peerReview.ts'

export type MeLoad = { kind: 'loading' } | { kind: 'found'; me: MeResponse } | { kind: 'refused' } | { kind: 'failed'; message: string }

/** The student's token from the URL's fragment, and their page's data (`GET /api/me`) as it loads. */
export function useMe(): { token: string | null; loaded: MeLoad } {
  const [token] = useState(() => tokenFromHash(location.hash))
  const [loaded, setLoaded] = useState<MeLoad>({ kind: 'loading' })
  useEffect(() => {
    if (!token) return
    let current = true
    fetchMe(token).then(
      (me) => current && setLoaded(me ? { kind: 'found', me } : { kind: 'refused' }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [token])
  return { token, loaded }
}
