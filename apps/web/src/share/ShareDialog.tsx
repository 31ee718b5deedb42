import { ROLES, type BoardLinks, type Role } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchLinks, rotateLink } from '../api/boardAdmin.ts'
import { ROLE_TEXT } from '../roles/roleText.ts'
import { CopyButton } from '../ui/CopyButton.tsx'
import { Dialog } from '../ui/Dialog.tsx'
import { FormError } from '../ui/FormError.tsx'

type LinksState = { kind: 'loading' } | { kind: 'loaded'; links: BoardLinks } | { kind: 'failed'; message: string }

/** The owner's view of a board's links: one per role, to copy, or to revoke and replace. */
export function ShareDialog({
  boardId,
  token,
  onClose,
  onOwnLinkReplaced,
}: {
  boardId: string
  token: string
  onClose(): void
  /** The owner link this page uses was replaced: the page must reopen with the new one. */
  onOwnLinkReplaced(link: string): void
}) {
  const [state, setState] = useState<LinksState>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    fetchLinks(boardId, token).then(
      (links) => current && setState({ kind: 'loaded', links }),
      (error: unknown) => current && setState({ kind: 'failed', message: messageOf(error) }),
    )
    return () => {
      current = false
    }
  }, [boardId, token])

  return (
    <Dialog title="Share this board" onClose={onClose} testId="share-dialog" wide>
      <p className="dialog__text">
        Each link opens the board with one role. Anyone who has a link can use it, so send each one only to the people it
        is meant for.
      </p>
      {state.kind === 'loading' && <p className="share__status">Loading the links…</p>}
      <FormError error={state.kind === 'failed' ? state.message : null} />
      {state.kind === 'loaded' && (
        <ul className="share__list">
          {ROLES.map((role) => (
            <ShareRow
              key={role}
              role={role}
              link={state.links[role]}
              onRotate={async () => {
                const links = await rotateLink(boardId, token, role)
                if (role === 'owner') onOwnLinkReplaced(links.owner)
                else setState({ kind: 'loaded', links })
              }}
            />
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}

function ShareRow({ role, link, onRotate }: { role: Role; link: string; onRotate(): Promise<void> }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [renewed, setRenewed] = useState(false)
  const url = new URL(link, location.origin).href
  const text = ROLE_TEXT[role]

  const rotate = async () => {
    setBusy(true)
    setError(null)
    try {
      await onRotate()
      setConfirming(false)
      setRenewed(true)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="share__row" data-testid={`share-row-${role}`}>
      <div className="link-row__text">
        <span className="link-row__label">{text.name}</span>
        <span className="link-row__hint">{text.shareHint}</span>
      </div>
      <div className="link-row__value">
        <input
          className="input input--mono"
          readOnly
          value={url}
          aria-label={`${text.name} link`}
          data-testid={`share-link-${role}`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={url} label={`Copy the ${text.name.toLowerCase()} link`} />
        {!confirming && (
          <button
            type="button"
            className="button button--quiet"
            data-testid={`share-rotate-${role}`}
            title="Revoke this link and make a new one"
            onClick={() => setConfirming(true)}
          >
            Replace link…
          </button>
        )}
      </div>
      {renewed && !confirming && (
        <p className="share__note" role="status">
          New link made. The old one no longer works.
        </p>
      )}
      {confirming && (
        <div className="share__confirm" role="alert">
          <span>
            The current {text.name.toLowerCase()} link stops working at once, also for anyone who has the board open with it.
            {role === 'owner' && ' This page reopens with the new owner link; save it, the old one will not work again.'}
          </span>
          <div className="share__confirm-actions">
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)} disabled={busy}>
              Keep it
            </button>
            <button type="button" className="button button--danger" data-testid={`share-rotate-confirm-${role}`} onClick={rotate} disabled={busy}>
              {busy ? 'Replacing…' : 'Replace link'}
            </button>
          </div>
        </div>
      )}
      <FormError error={error} />
    </li>
  )
}

function messageOf(error: unknown): string {
  if (error instanceof TypeError) return 'Cannot reach the Concord server. Sharing needs a connection.'
  return error instanceof Error ? error.message : String(error)
}
