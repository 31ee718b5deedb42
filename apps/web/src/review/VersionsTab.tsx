import { capabilitiesOf, type VersionInfoResponse } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { createTLStore, defaultBindingUtils, useValue } from 'tldraw'
import { fetchVersion, restoreVersion, submitVersion } from '../api/versions.ts'
import { downloadTldr, recordsAsTldr } from '../board-management/tldrFile.ts'
import { useBoard } from '../board/boardContext.ts'
import type { ReviewSession } from './reviewSession.ts'
import { boardShapeUtils } from '../shapes/index.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'
import { FormError } from '../ui/FormError.tsx'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function messageOf(error: unknown): string {
  return error instanceof TypeError ? 'Cannot reach the Concord server.' : error instanceof Error ? error.message : String(error)
}

/**
 * Versions submitted for review: the team submits the design under a name (a frozen copy);
 * everyone can view or export a version; the owner can restore one onto the live board.
 */
export function VersionsTab({ review }: { review: ReviewSession }) {
  const { session } = useBoard()
  const { boardId, token, role } = session.options
  const versions = useValue('versions', () => review.versions.get(), [review])
  const viewing = useValue('viewing', () => review.viewing.get(), [review])
  const canSubmit = role !== null && capabilitiesOf(role).editDesign
  const canRestore = role !== null && capabilitiesOf(role).manageBoard
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    setBusy(true)
    setError(null)
    try {
      await submitVersion(boardId, token, name.trim())
      setName('')
      await review.refreshVersions()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="versions-tab">
      {canSubmit && (
        <form className="versions-tab__submit" onSubmit={submit}>
          <h3 className="review-subtitle review-subtitle--first">Submit for review</h3>
          <p className="review-hint">Freezes the design as it is now. Reviewers see this version; you keep working on the live board.</p>
          <div className="versions-tab__row">
            <input
              className="input"
              value={name}
              maxLength={100}
              placeholder="e.g. Milestone 2"
              aria-label="Version name"
              data-testid="version-name"
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button button--primary button--small" disabled={busy || !name.trim()} data-testid="version-submit">
              Submit
            </button>
          </div>
        </form>
      )}
      <FormError error={error} />
      <h3 className="review-subtitle">Versions</h3>
      <ul className="version-list">
        <li className={`version${viewing === null ? ' version--current' : ''}`}>
          <span className="version__name">Live board</span>
          {viewing === null ? (
            <span className="version__viewing">viewing</span>
          ) : (
            <button type="button" className="button button--quiet button--small" onClick={() => review.viewing.set(null)} data-testid="view-live">
              View
            </button>
          )}
        </li>
        {[...versions].reverse().map((version) => (
          <VersionRow key={version.id} version={version} review={review} viewing={viewing === version.id} canRestore={canRestore} onError={setError} />
        ))}
      </ul>
      {versions.length === 0 && <p className="review-empty">Nothing has been submitted for review yet.</p>}
    </div>
  )
}

function VersionRow({
  version,
  review,
  viewing,
  canRestore,
  onError,
}: {
  version: VersionInfoResponse
  review: ReviewSession
  viewing: boolean
  canRestore: boolean
  onError(message: string): void
}) {
  const { session, title } = useBoard()
  const { boardId, token } = session.options
  const [confirming, setConfirming] = useState(false)

  const exportVersion = async () => {
    try {
      const { records } = await fetchVersion(boardId, token, version.id)
      const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils, records: boardRecordTypes })
      downloadTldr(`${title} – ${version.name}`, recordsAsTldr(store, records, `${title} – ${version.name}`))
    } catch (err) {
      onError(messageOf(err))
    }
  }
  const restore = async () => {
    try {
      await restoreVersion(boardId, token, version.id)
      setConfirming(false)
      review.viewing.set(null)
    } catch (err) {
      onError(messageOf(err))
    }
  }

  return (
    <li className={`version${viewing ? ' version--current' : ''}`} data-testid="version">
      <span className="version__name">{version.name}</span>
      <span className="version__time">{timeFormat.format(version.createdAt)}</span>
      <div className="version__actions">
        {viewing ? (
          <span className="version__viewing">viewing</span>
        ) : (
          <button type="button" className="button button--quiet button--small" onClick={() => review.viewing.set(version.id)} data-testid="version-view">
            View
          </button>
        )}
        <button type="button" className="button button--quiet button--small" onClick={exportVersion}>
          Export
        </button>
        {canRestore && !confirming && (
          <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)} data-testid="version-restore">
            Restore…
          </button>
        )}
      </div>
      {confirming && (
        <div className="share__confirm" role="alert">
          <span>The live board becomes this version for everyone. The board as it is now is kept as a version first, so you can go back.</span>
          <div className="share__confirm-actions">
            <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button--danger button--small" onClick={restore} data-testid="version-restore-confirm">
              Restore
            </button>
          </div>
        </div>
      )}
    </li>
  )
}
