import { CATALOG, createSessionRequestSchema, MAX_SESSION_TEAMS } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { createSession } from '../api/sessions.ts'
import { FormError } from '../ui/FormError.tsx'

/** The instructor's way in: a class session with one board per team, opening on its dashboard. */
export function CreateSessionForm() {
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const [teams, setTeams] = useState('12')
  const [template, setTemplate] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request = createSessionRequestSchema.safeParse({ name, teams: Number(teams), template: template || null })
    if (!request.success) {
      setError(request.error.issues[0]?.message ?? 'Check the session’s name and number of teams')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const session = await createSession(request.data)
      navigate(session.dashboard)
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Check your connection and try again.' : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <form className="create-form session-form" onSubmit={submit} noValidate data-testid="create-session">
      <p className="create-form__label">New class session</p>
      <div className="session-form__fields">
        <label className="session-form__field session-form__field--name">
          <span>Name</span>
          <input
            className="input"
            data-testid="session-name"
            placeholder="e.g. Lab 4 – replication"
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.currentTarget.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="session-form__field">
          <span>Teams</span>
          <input
            className="input"
            data-testid="session-teams"
            type="number"
            min={1}
            max={MAX_SESSION_TEAMS}
            value={teams}
            onChange={(event) => setTeams(event.currentTarget.value)}
          />
        </label>
        <label className="session-form__field">
          <span>Start from</span>
          <select className="input" data-testid="session-template" value={template} onChange={(event) => setTemplate(event.currentTarget.value)}>
            <option value="">An empty board</option>
            {CATALOG.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" data-testid="session-submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create session'}
        </button>
      </div>
      <FormError error={error} testId="session-error" />
    </form>
  )
}
