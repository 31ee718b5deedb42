import type { GradeWeights } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { useSubmission } from '../ui/useSubmission.ts'
import { FormError } from '../ui/FormError.tsx'

const PARTS = [
  { key: 'accuracy', label: 'Accuracy' },
  { key: 'helpfulness', label: 'Helpfulness' },
  { key: 'timeliness', label: 'On time' },
] as const

/** The three weights of the round's review score, each 0 to 1; the server's reason shows when it refuses them. */
export function GradeWeightsForm({ weights, onSave }: { weights: GradeWeights; onSave(weights: GradeWeights): Promise<void> }) {
  const [values, setValues] = useState(() => Object.fromEntries(PARTS.map(({ key }) => [key, String(weights[key])])) as Record<keyof GradeWeights, string>)
  const [saved, setSaved] = useState(false)
  const { busy, error, run } = useSubmission()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    return run(async () => {
      // An empty field goes as NaN (JSON null), not 0: the server refuses it with its reason.
      const number = (text: string) => (text.trim() === '' ? NaN : Number(text))
      await onSave({ accuracy: number(values.accuracy), helpfulness: number(values.helpfulness), timeliness: number(values.timeliness) })
      setSaved(true)
    })
  }
  return (
    <form className="peer-review__block" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="grade-weights-title" data-testid="grade-weights">
      <h3 id="grade-weights-title">Review score weights</h3>
      <div className="peer-review__fields">
        {PARTS.map(({ key, label }) => (
          <label key={key} className="peer-review__field">
            {label}
            <input
              className="input"
              type="number"
              inputMode="decimal"
              min={0}
              max={1}
              step={0.05}
              value={values[key]}
              onChange={(event) => {
                setSaved(false)
                setValues({ ...values, [key]: event.target.value })
              }}
              aria-invalid={error !== null}
              aria-describedby={error ? 'grade-weights-error' : undefined}
              data-testid={`weight-${key}`}
            />
          </label>
        ))}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="weights-save">
          Save weights
        </button>
      </div>
      {saved && (
        <p className="peer-review__hint" role="status">
          Saved: the review scores now use these weights.
        </p>
      )}
      <FormError error={error} id="grade-weights-error" />
    </form>
  )
}
