import type { ReactNode } from 'react'
import { Link } from 'wouter'

interface FullPageMessageProps {
  title: string
  message: string
  testId?: string
  children?: ReactNode
  /** The page's main way forward; the way home then steps back to a quiet button beside it. */
  action?: ReactNode
}

/** A whole-page message with a way back home: errors, refused links, unknown pages. */
export function FullPageMessage({ title, message, testId, children, action }: FullPageMessageProps) {
  return (
    <main className="full-message">
      <div className="full-message__card card">
        <h1 className="full-message__title">{title}</h1>
        <p className="full-message__text" data-testid={testId}>
          {message}
        </p>
        {children}
        <div className="full-message__actions">
          {action}
          <Link href="/" className={action ? 'button button--quiet' : 'button button--primary'}>
            Go to the home page
          </Link>
        </div>
      </div>
    </main>
  )
}
