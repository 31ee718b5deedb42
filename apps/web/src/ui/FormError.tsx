/**
 * A form's error message under it, announced as it appears (`role="alert"`); nothing without one.
 * `id` lets a field point at it (`aria-describedby`), `testId` lets a test find it.
 */
export function FormError({ error, id, testId }: { error: string | null | undefined; id?: string; testId?: string }) {
  if (!error) return null
  return (
    <p id={id} className="form-error" role="alert" data-testid={testId}>
      {error}
    </p>
  )
}
