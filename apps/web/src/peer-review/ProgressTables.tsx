import type { RoundResponse } from '@concord/shared'
import { useNow } from '../ui/useNow.ts'
import { reviewScoreText, scoreText } from './scoreText.ts'
import { TableSection } from './TableSection.tsx'

/** Per reviewing team: how far its members' reviews are, its submission score, and its received reviews to hand out. */
export function TeamProgressTable({ round, onDownload }: { round: RoundResponse; onDownload(team: number): void }) {
  const submitted = new Set(round.submissions.map(({ team }) => team))
  return (
    <TableSection titleId="team-progress-title" title="Progress by team">
      <table className="peer-review__table peer-review__table--numbers" data-testid="team-progress">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Assigned</th>
            <th scope="col">Drafted</th>
            <th scope="col">Submitted</th>
            <th scope="col">Late</th>
            <th scope="col">Submission score</th>
            <th scope="col">Reviews it received</th>
          </tr>
        </thead>
        <tbody>
          {round.progress.teams.map((team) => (
            <tr key={team.team}>
              <th scope="row">Team {team.team}</th>
              <td>{team.assigned}</td>
              <td>{team.drafted}</td>
              <td>{team.submitted}</td>
              <td>{team.late}</td>
              <td>{scoreText(round.progress.students.find((student) => student.team === team.team)?.submissionScore ?? null)}</td>
              <td>
                {submitted.has(team.team) ? (
                  <button type="button" className="button button--quiet" onClick={() => onDownload(team.team)} data-testid={`team-reviews-md-${team.team}`}>
                    Download reviews (Markdown)
                  </button>
                ) : (
                  <span className="peer-review__hint">No submission</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableSection>
  )
}

/** Per student: their reviews' progress, calibration and both grades. */
export function StudentProgressTable({ round }: { round: RoundResponse }) {
  const calibrated = round.calibration !== null
  // Ticks, so the review scores appear once the round is due.
  const now = useNow(30_000)
  return (
    <TableSection titleId="student-progress-title" title="Progress by student">
      <table className="peer-review__table peer-review__table--numbers" data-testid="student-progress">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Team</th>
            <th scope="col">Assigned</th>
            <th scope="col">Drafted</th>
            <th scope="col">Submitted</th>
            <th scope="col">Late</th>
            {calibrated && <th scope="col">Calibrated</th>}
            <th scope="col">Submission score</th>
            <th scope="col">Review score</th>
          </tr>
        </thead>
        <tbody>
          {round.progress.students.map((student) => (
            <tr key={student.studentId}>
              <th scope="row">{student.name}</th>
              <td>{student.team}</td>
              <td>{student.assigned}</td>
              <td>{student.drafted}</td>
              <td>{student.submitted}</td>
              <td>{student.late}</td>
              {calibrated && <td>{student.calibrated ? 'Yes' : 'Not yet'}</td>}
              <td>{scoreText(student.submissionScore)}</td>
              <td>{reviewScoreText(student.reviewScore, round.dueAt, now)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableSection>
  )
}
