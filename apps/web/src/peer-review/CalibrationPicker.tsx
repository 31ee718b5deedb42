import type { RoundCriterion, VersionInfoResponse } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchSession } from '../api/sessions.ts'
import { listVersions } from '../api/versions.ts'
import { RubricScores, scoreEntries, type ScoreEntry } from '../review/RubricScores.tsx'
import { FormError } from '../ui/FormError.tsx'

/** A calibration example: a version of one of the session's boards, and the instructor's score per criterion. */
export interface CalibrationChoice {
  boardId: string
  versionId: string
  scores: Record<string, number>
}

interface Option {
  boardId: string
  version: VersionInfoResponse
  label: string
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const optionValue = (boardId: string, versionId: string) => `${boardId}/${versionId}`

/**
 * The round setup's optional calibration example: one of the teams' submitted versions (newest
 * first), scored by the instructor with the rubric being set up. Students score it before they
 * review, and their accuracy is measured against these scores.
 */
export function CalibrationPicker({
  sessionId,
  token,
  criteria,
  value,
  onChange,
}: {
  sessionId: string
  token: string
  criteria: readonly RoundCriterion[]
  value: CalibrationChoice | null
  onChange(value: CalibrationChoice | null): void
}) {
  const [options, setOptions] = useState<Option[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    const load = async () => {
      const session = await fetchSession(sessionId, token)
      const teams = await Promise.all(
        (session?.teams ?? []).map(async ({ team, boardId }) =>
          (await listVersions(boardId, token)).map((version) => ({ boardId, version, label: `Team ${team} · ${version.name} (${dateFormat.format(version.createdAt)})` })),
        ),
      )
      if (current) setOptions(teams.flat().sort((a, b) => b.version.createdAt - a.version.createdAt))
    }
    load().catch((failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)))
    return () => {
      current = false
    }
  }, [sessionId, token])

  const choose = (chosen: string) => {
    const option = options?.find(({ boardId, version }) => optionValue(boardId, version.id) === chosen)
    onChange(option ? { boardId: option.boardId, versionId: option.version.id, scores: value?.scores ?? {} } : null)
  }
  const score = (id: string, { score: given }: Partial<ScoreEntry>) => value && given != null && onChange({ ...value, scores: { ...value.scores, [id]: given } })

  return (
    <fieldset className="calibration-picker" data-testid="calibration-picker">
      <legend className="field-label">Calibration example (optional)</legend>
      <p className="peer-review__hint">Students score this design with the rubric before their reviews open; their scores are compared with yours.</p>
      <FormError error={error && `The submitted versions could not be loaded: ${error}`} />
      <label className="peer-review__field">
        Example design
        <select
          className="input"
          value={value ? optionValue(value.boardId, value.versionId) : ''}
          onChange={(event) => choose(event.target.value)}
          disabled={!options || options.length === 0}
          data-testid="calibration-version"
        >
          <option value="">{options === null ? 'Loading the submitted versions…' : options.length === 0 ? 'No version submitted yet' : 'None'}</option>
          {options?.map(({ boardId, version, label }) => (
            <option key={optionValue(boardId, version.id)} value={optionValue(boardId, version.id)}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {value && (
        <div className="calibration-picker__scores" data-testid="calibration-scores">
          <p className="peer-review__hint">Your scores of the example:</p>
          <RubricScores criteria={criteria} entries={scoreEntries(value?.scores ?? {})} onChange={score} justify={false} />
        </div>
      )}
    </fieldset>
  )
}
