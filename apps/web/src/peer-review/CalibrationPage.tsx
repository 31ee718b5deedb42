import type { MeResponse } from '@concord/shared'
import { useCallback, useEffect } from 'react'
import { fetchCalibrationExample } from '../api/roundReviews.ts'
import { CalibrationPanel } from './CalibrationPanel.tsx'
import { FrozenDesignPage } from './FrozenDesignPage.tsx'
import { studentPageHref } from './studentLinks.ts'

type Round = MeResponse['rounds'][number]

/** `/s/<session>/me/calibration/<round>`: the student scores the round's example design before reviewing. */
export function CalibrationPage({ me, round, token }: { me: MeResponse; round: Round; token: string }) {
  useEffect(() => {
    document.title = 'Calibration example · Concord'
  }, [])
  const fetchVersion = useCallback(() => fetchCalibrationExample(token, round.id), [token, round.id])
  const back = studentPageHref(me.session.id, token)
  const bar = (
    <h1 className="board-top__title frozen-design__title" data-testid="calibration-title">
      Calibration example
    </h1>
  )
  return (
    <FrozenDesignPage fetchVersion={fetchVersion} backHref={back} bar={bar} comments={null}>
      <CalibrationPanel token={token} roundId={round.id} rubric={round.rubric} given={round.calibrated} backHref={back} />
    </FrozenDesignPage>
  )
}
