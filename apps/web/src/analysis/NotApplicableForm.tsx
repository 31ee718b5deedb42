import { useId, useState } from 'react'
import { justificationProblem, MAX_JUSTIFICATION } from './notApplicableMarks.ts'
import { FormActions } from '../ui/FormActions.tsx'

/** Asks why a finding does not apply; refuses an empty answer and says why. */
export function NotApplicableForm({ onSave, onCancel }: { onSave(justification: string): void; onCancel(): void }) {
  const id = useId()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <form
      className="not-applicable-form"
      data-testid="not-applicable-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const why = justificationProblem(text)
        if (why) setProblem(why)
        else onSave(text)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <label htmlFor={id}>Why does this not apply to the design?</label>
      <textarea
        id={id}
        className="input"
        rows={3}
        maxLength={MAX_JUSTIFICATION}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        data-testid="not-applicable-justification"
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens on request: typing comes next
        autoFocus
        onChange={(event) => {
          setText(event.target.value)
          setProblem(null)
        }}
      />
      {problem && (
        <p className="not-applicable-form__problem" id={`${id}-problem`} role="alert" data-testid="not-applicable-problem">
          {problem}
        </p>
      )}
      <FormActions className="not-applicable-form__actions" small onCancel={onCancel} label="Mark not applicable" testId="not-applicable-save" />
    </form>
  )
}
