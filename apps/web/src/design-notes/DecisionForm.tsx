import { DECISION_STATUSES, decisionProblem, type DecisionStatus, type DesignDecision } from '@concord/shared'
import { useId, useState, type FormEvent } from 'react'
import { FormActions } from '../ui/FormActions.tsx'
import { FormError } from '../ui/FormError.tsx'

export type DecisionFields = Pick<DesignDecision, 'title' | 'status' | 'context' | 'options' | 'decision' | 'consequences'>

export const EMPTY_DECISION: DecisionFields = { title: '', status: 'proposed', context: '', options: [], decision: '', consequences: '' }

/** Options are typed one per line. */
const optionsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

/**
 * The MADR fields of a decision record. `toRecord` makes the record to write from them; the shared
 * check refuses what a peer's client would refuse (empty title, overlong text), with the reason.
 */
export function DecisionForm({
  initial,
  submitLabel,
  toRecord,
  onSave,
  onCancel,
}: {
  initial: DecisionFields
  submitLabel: string
  toRecord(fields: DecisionFields): DesignDecision
  onSave(record: DesignDecision): void
  onCancel(): void
}) {
  const id = useId()
  const [fields, setFields] = useState({ ...initial, options: initial.options.join('\n') })
  const [error, setError] = useState<string | null>(null)
  const set = (change: Partial<typeof fields>) => {
    setFields({ ...fields, ...change })
    setError(null)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const record = toRecord({ ...fields, title: fields.title.trim(), options: optionsOf(fields.options) })
    const problem = decisionProblem(record)
    if (problem) setError(problem)
    else onSave(record)
  }
  const area = (key: 'context' | 'options' | 'decision' | 'consequences', label: string, hint: string) => (
    <div className="design-form__field">
      <label className="design-form__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <textarea className="input design-form__text" id={`${id}-${key}`} rows={key === 'options' ? 3 : 2} placeholder={hint} value={fields[key]} onChange={(event) => set({ [key]: event.target.value })} />
    </div>
  )
  return (
    <form className="design-form" onSubmit={submit} data-testid="decision-form" aria-label={submitLabel}>
      <div className="design-form__row">
        <div className="design-form__field design-form__field--grow">
          <label className="design-form__label" htmlFor={`${id}-title`}>
            Title
          </label>
          <input
            className="input"
            id={`${id}-title`}
            autoFocus
            aria-invalid={error !== null && fields.title.trim() === ''}
            placeholder="e.g. Queue uploads before grading"
            value={fields.title}
            onChange={(event) => set({ title: event.target.value })}
          />
        </div>
        <div className="design-form__field">
          <label className="design-form__label" htmlFor={`${id}-status`}>
            Status
          </label>
          <select className="input" id={`${id}-status`} value={fields.status} onChange={(event) => set({ status: event.target.value as DecisionStatus })}>
            {DECISION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
      </div>
      {area('context', 'Context and problem', 'What forces the decision?')}
      {area('options', 'Considered options (one per line)', 'Option A\nOption B')}
      {area('decision', 'Decision outcome', 'Which option, and why')}
      {area('consequences', 'Consequences', 'What gets better, what gets worse')}
      <FormError error={error} />
      <FormActions className="design-form__actions" small onCancel={onCancel} label={submitLabel} testId="decision-save" />
    </form>
  )
}
