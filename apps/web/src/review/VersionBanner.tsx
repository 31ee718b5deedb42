import { useValue } from 'tldraw'
import { useBoard } from '../board/boardContext.ts'
import { RoleBadge } from '../roles/RoleBadge.tsx'
import { useReview } from './reviewContext.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The top panel while a version is shown: which version, that it is frozen, and the way back. */
export function VersionBanner() {
  const { session, title } = useBoard()
  const review = useReview()
  const version = useValue('viewed version', () => review?.versions.get().find((v) => v.id === review.viewing.get()) ?? null, [review])
  if (!review) return null
  return (
    <div className="board-top version-banner" data-testid="version-banner">
      <h1 className="board-top__title" title={title}>
        {title}
      </h1>
      <span className="version-banner__label" title={version ? `Submitted for review ${timeFormat.format(version.createdAt)}; read-only` : undefined}>
        Frozen version “{version?.name ?? '…'}”
      </span>
      {session.options.role && <RoleBadge role={session.options.role} />}
      <button type="button" className="button button--quiet button--small" onClick={() => review.viewing.set(null)} data-testid="back-to-live">
        Back to live board
      </button>
    </div>
  )
}
