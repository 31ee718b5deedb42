import type { ReactNode } from 'react'
import { Link } from 'wouter'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

interface Entry {
  id: string
  link: string
  lastOpened: number
}

/** The list of a home page section (boards, class sessions): newest first, each a link with its name, what is known of it and when it was opened. */
export function RecentList<T extends Entry>({
  entries,
  testId,
  entryTestId,
  name,
  renderMeta,
  renderForget,
}: {
  entries: readonly T[]
  testId: string
  entryTestId: string
  name(entry: T): string
  renderMeta(entry: T): ReactNode
  /** A button to remove an entry from the list. */
  renderForget?(entry: T): ReactNode
}) {
  return (
    <ul className="recent__list" data-testid={testId}>
      {[...entries]
        .sort((a, b) => b.lastOpened - a.lastOpened)
        .map((entry) => (
          <li key={entry.id} className="recent__entry">
            <Link href={entry.link} className="recent__item" data-testid={entryTestId}>
              <span className="recent__title" title={name(entry)}>
                {name(entry)}
              </span>
              <span className="recent__meta">
                {renderMeta(entry)}
                <span>Opened {dateFormat.format(entry.lastOpened)}</span>
              </span>
            </Link>
            {renderForget?.(entry)}
          </li>
        ))}
    </ul>
  )
}
