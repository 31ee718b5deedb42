import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react'
import { useValue } from 'tldraw'
import { identity, saveIdentity } from './identity.ts'
import { COLOR_NAMES, IDENTITY_COLORS, randomIdentityColor } from './palette.ts'
import { FormError } from '../ui/FormError.tsx'

/** Asks for the display name others see on this visitor's cursor and in the people menu. */
export function NamePrompt({ onDone }: { onDone?(): void }) {
  const current = useValue('identity', () => identity.get(), [])
  const [name, setName] = useState(current?.name ?? '')
  const [color, setColor] = useState(() => current?.color ?? randomIdentityColor())
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setError('Please enter a name, so your team knows whose cursor is whose.')
      return
    }
    saveIdentity({ name, color })
    onDone?.()
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-prompt-title"
        data-testid="name-prompt"
        onSubmit={submit}
        noValidate
      >
        <h2 id="name-prompt-title" className="dialog__title">
          {current ? 'Change your name' : 'Welcome to Concord'}
        </h2>
        <p className="dialog__text">Your name and colour show on your cursor and in the list of people on a board.</p>
        <label htmlFor="name-input" className="field-label">
          Display name
        </label>
        <input
          id="name-input"
          ref={input}
          data-testid="name-input"
          className="input"
          value={name}
          maxLength={40}
          autoComplete="nickname"
          placeholder="e.g. Ada"
          onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <FormError error={error} />
        <fieldset className="swatches">
          <legend className="field-label">Colour</legend>
          {IDENTITY_COLORS.map((swatch) => (
            <label key={swatch} className="swatch" style={{ '--swatch': swatch } as CSSProperties} title={COLOR_NAMES[swatch]}>
              <input type="radio" name="color" value={swatch} checked={swatch === color} onChange={() => setColor(swatch)} />
              <span className="visually-hidden">{COLOR_NAMES[swatch]}</span>
            </label>
          ))}
        </fieldset>
        <div className="dialog__actions">
          {current && onDone && (
            <button type="button" className="button button--quiet" onClick={onDone}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="name-submit">
            {current ? 'Save' : 'Continue'}
          </button>
        </div>
      </form>
    </div>
  )
}
