import type { ReactNode } from 'react'

/** A titled table of the round view, in a region that scrolls and that the keyboard can reach. */
export function TableSection({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <section className="peer-review__block">
      <h3 id={titleId}>{title}</h3>
      <div className="peer-review__table-wrap" role="region" aria-labelledby={titleId} tabIndex={0}>
        {children}
      </div>
    </section>
  )
}
