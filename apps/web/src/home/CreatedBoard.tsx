import type { CreateBoardResponse } from '@concord/shared'
import { Link } from 'wouter'
import { CopyButton } from '../ui/CopyButton.tsx'

/** The links of a board just created: the owner's to keep, the editor's to share with the team. */
export function CreatedBoard({ board }: { board: CreateBoardResponse }) {
  const full = (path: string) => new URL(path, location.origin).href
  return (
    <section className="card created" aria-labelledby="created-title">
      <h2 id="created-title" className="created__title">
        “{board.title}” is ready
      </h2>
      <LinkRow
        label="Owner link"
        hint="Keep this one: it lets you manage the board."
        url={full(board.links.owner)}
        testId="board-link-owner"
      />
      <LinkRow
        label="Editor link"
        hint="Share with your team so they can draw with you."
        url={full(board.links.editor)}
        testId="board-link-editor"
      />
      <p className="created__more">Links for reviewers and viewers are in the board’s Share dialog.</p>
      <Link href={board.links.owner} className="button button--primary created__open" data-testid="open-board">
        Open board
      </Link>
    </section>
  )
}

function LinkRow({ label, hint, url, testId }: { label: string; hint: string; url: string; testId: string }) {
  return (
    <div className="link-row">
      <div className="link-row__text">
        <span className="link-row__label">{label}</span>
        <span className="link-row__hint">{hint}</span>
      </div>
      <div className="link-row__value">
        <input className="input input--mono" readOnly value={url} data-testid={testId} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={url} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  )
}
