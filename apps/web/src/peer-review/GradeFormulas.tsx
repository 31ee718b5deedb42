import type { RoundResponse } from '@concord/shared'

/** "How grades are computed": the formulas of docs/API.md (Grades), with the round's own weights. */
export function GradeFormulas({ round }: { round: RoundResponse }) {
  const { accuracy, helpfulness, timeliness } = round.weights
  return (
    <details className="peer-review__formulas" data-testid="grade-formulas">
      <summary>How grades are computed</summary>
      <p>
        Grades run from 0 to 100. Only <strong>counted</strong> reviews enter them: submitted and not hidden. The distance between two sets of scores is
        the mean over criteria of |x − y| / (max − min) of the criterion’s scale.
      </p>
      <ul>
        {round.calibration && (
          <li>
            <strong>Calibration weight</strong> of a student = max(0.2, 1 − d), d the distance between their and your scores of the example (1 before they
            score it).
          </li>
        )}
        <li>
          <strong>Submission score</strong> of a team = the mean over criteria of the {round.calibration ? 'calibration-weighted ' : ''}mean of its counted
          reviews’ scores, each scaled to 0–100 as (mean − min) / (max − min) × 100. No counted review: none.
        </li>
        <li>
          <strong>Review accuracy</strong> of a student = 1 − d′, d′ the mean over their counted reviews of the distance to the mean of the other counted
          reviews of the same design (a design’s only review gives none).
        </li>
        <li>
          <strong>Review score</strong> = 100 × ({accuracy} × accuracy + {helpfulness} × helpfulness / 5 + {timeliness} × on time): helpfulness is the mean
          rating of their counted reviews, on time the share of their assigned reviews submitted before the due time and not hidden.
        </li>
        <li>A part that is missing (no accuracy, no rating yet) is left out and the other weights are scaled up to sum to 1.</li>
        <li>
          In grades.csv, scores have one decimal and an empty cell when they cannot be computed; reviews_done counts submitted reviews (late ones too,
          hidden ones not).
        </li>
      </ul>
    </details>
  )
}
