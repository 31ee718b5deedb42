import { capabilitiesOf, getRecordsMap } from '@concord/shared'
import { useEffect, useState } from 'react'
import { downloadTldr, localCopyAsTldr } from '../board-management/tldrFile.ts'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { FullPageMessage } from '../ui/FullPageMessage.tsx'
import { BoardRefused } from './BoardRefused.tsx'
import { hasChangesBeyondServer } from './serverState.ts'

type LocalCopy = { kind: 'checking' } | { kind: 'none' } | { kind: 'present'; unsynced: boolean | null }

/**
 * The server refused the link. When this device holds a copy of the board (the link worked here
 * before and was revoked since, or the board was deleted), say so and offer the copy as a file,
 * so changes that never reached the server are not silently lost.
 */
export function RefusedBoard({ session, title }: { session: BoardSession | null; title: string }) {
  const [local, setLocal] = useState<LocalCopy>({ kind: 'checking' })
  useEffect(() => {
    if (!session) return
    let current = true
    void session.persistence.whenSynced.then(() => {
      if (!current) return
      const { boardId, role } = session.options
      // A read-only link never had changes of its own to send.
      const unsynced = role && !capabilitiesOf(role).editDesign ? false : hasChangesBeyondServer(boardId, session.doc)
      setLocal(getRecordsMap(session.doc).size > 0 ? { kind: 'present', unsynced } : { kind: 'none' })
    })
    return () => {
      current = false
    }
  }, [session])

  if (!session || local.kind === 'none') return <BoardRefused />
  if (local.kind === 'checking') return <main className="board-loading" aria-busy="true" />
  const save = () => downloadTldr(title, localCopyAsTldr(session.store, session.doc, title))
  return (
    <FullPageMessage
      title="This link no longer opens the board"
      message="The owner may have replaced this link with a new one, or deleted the board."
      testId="link-revoked"
    >
      <p className="full-message__hint" data-testid="local-copy-status" data-unsynced={String(local.unsynced)}>
        {local.unsynced === true
          ? 'This device has changes to the board that never reached the server. Download your copy so they are not lost, and send it to the owner or import it as a new board.'
          : local.unsynced === false
            ? 'Everything you changed here had reached the server. This device still has its copy of the board if you want to keep it.'
            : 'This device still has its copy of the board, possibly with changes that never reached the server. Download it so nothing is lost.'}
      </p>
      <div className="revoked__download">
        <button type="button" className="button button--primary" data-testid="download-local-copy" onClick={save}>
          Download your copy (.tldr)
        </button>
      </div>
      <p className="revoked__note">To keep working together, ask the board’s owner for the new link.</p>
    </FullPageMessage>
  )
}
