import { goalProblem, GOAL_TYPE, type DesignGoal, type GoalList as ListKind } from '@concord/shared'
import { useId, useState, type FormEvent } from 'react'
import { useEditor } from 'tldraw'
import type { GoalRecord } from '../design-records/designRecordTypes.ts'
import { editedNote, newGoalId, putNote, removeNote } from './designNotes.ts'
import { FormError } from '../ui/FormError.tsx'

/** One list of the panel (goals or non-goals): each entry editable in place, and a field to add one. */
export function GoalList({ list, heading, goals, readonly, empty }: { list: ListKind; heading: string; goals: DesignGoal[]; readonly: boolean; empty: string }) {
  const editor = useEditor()
  const headingId = useId()
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; text: string; error: string | null } | null>(null)
  const noun = list === 'goal' ? 'goal' : 'non-goal'

  /** Writes the goal, or returns why it is refused. */
  const save = (goal: GoalRecord): string | null => {
    const problem = goalProblem(goal)
    if (!problem) putNote(editor, goal)
    return problem
  }
  const add = (event: FormEvent) => {
    event.preventDefault()
    const problem = save({ id: newGoalId(), typeName: GOAL_TYPE, list, text: draft.trim(), createdAt: Date.now() })
    setError(problem)
    if (!problem) setDraft('')
  }
  const saveEdit = (event: FormEvent, goal: DesignGoal) => {
    event.preventDefault()
    if (!editing) return
    const problem = save(editedNote(editor, goal as GoalRecord, { text: editing.text.trim() }))
    setEditing(problem ? { ...editing, error: problem } : null)
  }

  return (
    <section className="design-section" aria-labelledby={headingId} data-testid={`design-${list}s`}>
      <h3 className="design-section__heading" id={headingId}>
        {heading}
      </h3>
      {goals.length === 0 ? (
        <p className="design-empty">{empty}</p>
      ) : (
        <ul className="design-goals">
          {goals.map((goal) =>
            editing?.id === goal.id ? (
              <li key={goal.id} className="design-goal">
                <form className="design-goal__edit" onSubmit={(event) => saveEdit(event, goal)}>
                  <input
                    className="input"
                    aria-label={`Edit the ${noun}`}
                    aria-invalid={editing.error !== null}
                    autoFocus
                    value={editing.text}
                    onChange={(event) => setEditing({ ...editing, text: event.target.value, error: null })}
                  />
                  <button type="submit" className="button button--primary button--small">
                    Save
                  </button>
                  <button type="button" className="button button--quiet button--small" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
                <FormError error={editing.error} />
              </li>
            ) : (
              <li key={goal.id} className="design-goal" data-testid="design-goal">
                <span className="design-goal__text">{goal.text}</span>
                {!readonly && (
                  <span className="design-goal__actions">
                    <button type="button" className="design-link" onClick={() => setEditing({ id: goal.id, text: goal.text, error: null })} aria-label={`Edit ${noun}: ${goal.text}`}>
                      Edit
                    </button>
                    <button type="button" className="design-link design-link--danger" onClick={() => removeNote(editor, goal.id as GoalRecord['id'])} aria-label={`Remove ${noun}: ${goal.text}`}>
                      Remove
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {!readonly && (
        <form className="design-goal__add" onSubmit={add}>
          <input
            className="input"
            aria-label={`New ${noun}`}
            placeholder={`Add a ${noun}…`}
            aria-invalid={error !== null}
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value)
              setError(null)
            }}
            data-testid={`design-new-${list}`}
          />
          <button type="submit" className="button button--quiet button--small" data-testid={`design-add-${list}`}>
            Add
          </button>
        </form>
      )}
      <FormError error={error} />
    </section>
  )
}
