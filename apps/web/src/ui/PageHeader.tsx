import type { ReactNode } from 'react'
import { Link } from 'wouter'

/** The header of a full page (home, session dashboard): the brand, leading home, and what the page adds on the right. */
export function PageHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="page__header">
      <Link href="/" className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        Concord
      </Link>
      {children}
    </header>
  )
}
