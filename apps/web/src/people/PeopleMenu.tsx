import { useCallback, useRef, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { IdentityBadge } from '../identity/IdentityBadge.tsx'
import { peopleOnBoard } from './peopleOnBoard.ts'
import { useCloseOnOutsidePointer } from '../ui/useCloseOnOutsidePointer.ts'

/** Avatars shown in the bar before "+N". */
const FACES = 3

/**
 * Who else is on the board, idle or not, with a way to follow each one. tldraw's own people menu
 * lists only collaborators active in the last minute, so a teammate reading the board quietly
 * was missing; and offline it turns into an icon over the bar's "Go online".
 */
export function PeopleMenu() {
  const editor = useEditor()
  const people = useValue('people on board', () => peopleOnBoard(editor), [editor])
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
  const [open, setOpen] = useState(false)
  const menu = useRef<HTMLDivElement>(null)
  const closeMenu = useCallback(() => setOpen(false), [])

  useCloseOnOutsidePointer(open, menu, closeMenu)

  if (people.length === 0) return null
  const label = `${people.length} ${people.length === 1 ? 'person' : 'people'} here: ${people.map((person) => person.name).join(', ')}`
  return (
    <div className="people-menu" ref={menu} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="people-menu__faces"
        title="People"
        aria-label={label}
        aria-expanded={open}
        data-testid="people-menu"
        onClick={() => setOpen(!open)}
      >
        {people.slice(0, FACES).map((person) => (
          <span key={person.userId} className="people-menu__face" style={{ background: person.color }} aria-hidden>
            {person.name.slice(0, 1).toUpperCase()}
          </span>
        ))}
        {people.length > FACES && (
          <span className="people-menu__face people-menu__face--more" aria-hidden>
            +{people.length - FACES}
          </span>
        )}
      </button>
      {open && (
        <div className="people-menu__list card" role="dialog" aria-label="People on this board" data-testid="people-list">
          <div className="people-menu__me">
            <span className="people-menu__caption">You</span>
            <IdentityBadge />
          </div>
          <ul>
            {people.map((person) => (
              <li key={person.userId} className="people-menu__person" data-testid="people-item" data-user-id={person.userId}>
                <span className="people-menu__dot" style={{ background: person.color }} aria-hidden />
                <span className="people-menu__name">{person.name}</span>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  data-testid="people-follow"
                  onClick={() => (following === person.userId ? editor.stopFollowingUser() : editor.startFollowingUser(person.userId))}
                >
                  {following === person.userId ? 'Stop following' : 'Follow'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
