import type { ReactNode } from 'react'
import { useValue } from 'tldraw'
import { identity } from './identity.ts'
import { NamePrompt } from './NamePrompt.tsx'

/** Shows the name prompt over the page until the visitor has a display name. */
export function RequireName({ children }: { children: ReactNode }) {
  const hasName = useValue('has identity', () => identity.get() !== null, [])
  return (
    <>
      {children}
      {!hasName && <NamePrompt />}
    </>
  )
}
