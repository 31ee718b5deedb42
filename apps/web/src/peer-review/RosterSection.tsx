import { ROSTER_COLUMNS, type RosterResponse } from '@concord/shared'
import { useState, type FormEvent } from 'react'
import { fetchRosterCsv, importRoster } from '../api/peerReview.ts'
import { CopyButton } from '../ui/CopyButton.tsx'
import { useSubmission } from '../ui/useSubmission.ts'

const EXAMPLE = `${ROSTER_COLUMNS.join(',')}\n4711,Ann Bell,1\n4712,"Chen, Bo",2`

/** The roster on the dashboard: paste or upload `student_id,name,team`, then each student's personal link. */
export function RosterSection({
  sessionId,
  token,
  roster,
  onImported,
}: {
  sessionId: string
  token: string
  roster: RosterResponse | null
  onImported(roster: RosterResponse): void
}) {
  const [text, setText] = useState('')
  const { busy, error, run } = useSubmission()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    return run(async () => {
      onImported(await importRoster(sessionId, token, text))
      setText('')
    })
  }
  const download = async () => {
    const url = URL.createObjectURL(await fetchRosterCsv(sessionId, token))
    Object.assign(document.createElement('a'), { href: url, download: 'student links.csv' }).click()
    URL.revokeObjectURL(url)
  }
  const students = roster?.students ?? []
  return (
    <section className="peer-review__block" aria-labelledby="roster-title">
      <div className="peer-review__block-head">
        <h3 id="roster-title">Students ({students.length})</h3>
        {students.length > 0 && (
          <button type="button" className="button button--quiet" onClick={() => void download()} data-testid="roster-csv">
            Student links (CSV)
          </button>
        )}
      </div>
      <form onSubmit={(event) => void submit(event)} className="peer-review__import">
        <label className="field-label" htmlFor="roster-csv-text">
          Add students: paste CSV with the columns {ROSTER_COLUMNS.join(', ')}
        </label>
        <textarea
          id="roster-csv-text"
          className="input input--mono peer-review__csv"
          rows={4}
          placeholder={EXAMPLE}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'roster-error' : undefined}
          data-testid="roster-input"
        />
        <div className="peer-review__import-actions">
          <label className="button button--quiet peer-review__file">
            Choose a CSV file…
            <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(event) => void event.target.files?.[0]?.text().then(setText)} />
          </label>
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''} data-testid="roster-import">
            Import students
          </button>
        </div>
        {error && (
          <pre id="roster-error" className="form-error peer-review__error" role="alert">
            {error}
          </pre>
        )}
      </form>
      {students.length > 0 && (
        <div className="peer-review__table-wrap" role="region" aria-label="Students and their links" tabIndex={0}>
          <table className="peer-review__table" data-testid="roster-table">
            <thead>
              <tr>
                <th scope="col">Student id</th>
                <th scope="col">Name</th>
                <th scope="col">Team</th>
                <th scope="col">Personal link</th>
              </tr>
            </thead>
            <tbody>
              {students.map((student) => (
                <tr key={student.studentId}>
                  <td>{student.studentId}</td>
                  <td>{student.name}</td>
                  <td className="peer-review__nowrap">Team {student.team}</td>
                  <td>
                    <CopyButton text={location.origin + student.link} label={`Copy ${student.name}’s personal link`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
