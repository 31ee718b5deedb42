import { useState } from 'react'
import { useValue } from 'tldraw'
import { identity } from './identity.ts'
import { NamePrompt } from './NamePrompt.tsx'

/** Who you are, with a way to change it. */
export function IdentityBadge() {
  const me = useValue('identity', () => identity.get(), [])
  const [editing, setEditing] = useState(false)
  if (!me) return null
  return (
    <>
      <button type="button" className="identity-badge" onClick={() => setEditing(true)} data-testid="identity-badge">
        <span className="identity-badge__dot" style={{ background: me.color }} aria-hidden />
        <span className="identity-badge__name">{me.name}</span>
        <span className="visually-hidden">, change your name</span>
      </button>
      {editing && <NamePrompt onDone={() => setEditing(false)} />}
    </>
  )
}
