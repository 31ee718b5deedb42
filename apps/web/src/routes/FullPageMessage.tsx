import type { ReactNode } from 'react'
import { Link } from 'wouter'

/** A whole-page message with a way back home: errors, refused links, unknown pages. */
export function FullPageMessage({ title, message, testId, children }: { title: string; message: string; testId?: string; children?: ReactNode }) {
  return (
    <main className="full-message">
      <div className="full-message__card card">
        <h1 className="full-message__title">{title}</h1>
        <p className="full-message__text" data-testid={testId}>
          {message}
        </p>
        {children}
        <Link href="/" className="button button--primary">
          Go to the home page
        </Link>
      </div>
    </main>
  )
}
