import type { MeResponse } from '@concord/shared'
import { useEffect } from 'react'
import { CalibrationPanel } from './CalibrationPanel.tsx'
import { FrozenDesignPage } from './FrozenDesignPage.tsx'
import { studentPageHref } from './studentLinks.ts'

type Round = MeResponse['rounds'][number]

/** `/s/<session>/me/calibration/<round>`: the student scores the round's example design before reviewing. */
export function CalibrationPage({ me, round, calibration, token }: { me: MeResponse; round: Round; calibration: NonNullable<Round['calibration']>; token: string }) {
  useEffect(() => {
    document.title = 'Calibration example · Concord'
  }, [])
  const back = studentPageHref(me.session.id, token)
  const bar = (
    <h1 className="board-top__title frozen-design__title" data-testid="calibration-title">
      Calibration example
    </h1>
  )
  return (
    <FrozenDesignPage boardId={calibration.boardId} versionId={calibration.versionId} token={token} backHref={back} bar={bar} comments={null}>
      <CalibrationPanel token={token} roundId={round.id} rubric={round.rubric} given={round.calibrated} backHref={back} />
    </FrozenDesignPage>
  )
}
