import { percent, recentEditCount, RECENT_EDITS_SLICE_MS, RECENT_EDITS_WINDOW_MS, type AnalysisSummary, type SessionTeam } from '@concord/shared'
import { useEffect, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { Link } from 'wouter'
import { useNow } from '../ui/useNow.ts'
import type { TeamBoardWatch } from './teamBoardWatch.ts'
import { formatCountdown, useCountdown } from './useCountdown.ts'
import { Thumbnail } from './Thumbnail.tsx'

/** One team on the dashboard: its board drawn small (once scrolled into view), who is there, what happens. */
export function TeamCard({ team, watch }: { team: SessionTeam; watch: TeamBoardWatch }) {
  const ref = useRef<HTMLLIElement>(null)
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) {
        setVisible(true)
        observer.disconnect()
      }
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const records = useValue('team records', () => (visible ? watch.records.get() : []), [watch, visible])
  const online = useValue('team online', () => watch.online.get(), [watch])
  const now = useNow(RECENT_EDITS_SLICE_MS)
  const edits = useValue('team edits', () => recentEditCount(watch.recentEdits.get(), now), [watch, now])
  const controls = useValue('team controls', () => watch.controls.get(), [watch])
  const comments = useValue('team comments', () => watch.comments.get(), [watch])
  const analysis = useValue('team analysis', () => watch.analysis.get(), [watch])
  return (
    <li ref={ref} className="team-card card" data-testid="team-card" data-team={team.team}>
      <Link href={team.instructor} className="team-card__open">
        <span className="visually-hidden">Open {team.title}</span>
        {/* A picture of the board: the link's text says where it goes; the card below says what is on it. */}
        <div aria-hidden>
          {visible ? <Thumbnail records={records} emptyText="Nothing on the board yet" /> : <div className="team-thumb" />}
        </div>
      </Link>
      <div className="team-card__head">
        <span className="team-card__name">Team {team.team}</span>
        {controls.locked && <span className="team-card__badge team-card__badge--locked">Locked</span>}
        {controls.timer && <TeamTimer endsAt={controls.timer.endsAt} />}
      </div>
      <p className="team-card__stats" data-testid="team-stats">
        {whoIsOnline(online)}
        <br />
        {edits === 1 ? '1 edit' : `${edits} edits`} in the last {RECENT_EDITS_WINDOW_MS / 60_000} min
      </p>
      <p className="team-card__stats" data-testid="team-comments">
        {comments.threads === 0
          ? 'No review comments'
          : `${comments.threads === 1 ? '1 review thread' : `${comments.threads} review threads`}, ${comments.open} open`}
      </p>
      {analysis && <TeamAnalysis summary={analysis} />}
    </li>
  )
}

/** What the design analysis finds on the team's board: open errors and warnings, and the worst entry's availability. */
function TeamAnalysis({ summary }: { summary: AnalysisSummary }) {
  const { errors, warnings, worstAvailability } = summary
  return (
    <p className="team-card__stats team-card__analysis" data-testid="team-analysis" data-errors={errors} data-warnings={warnings}>
      <span className={errors > 0 ? 'team-card__count team-card__count--error' : 'team-card__count'}>{errors === 1 ? '1 error' : `${errors} errors`}</span>
      {', '}
      <span className={warnings > 0 ? 'team-card__count team-card__count--warning' : 'team-card__count'}>
        {warnings === 1 ? '1 warning' : `${warnings} warnings`}
      </span>
      <br />
      {worstAvailability === null ? 'No entry availability yet' : `Worst entry: ${percent(worstAvailability)} available`}
    </p>
  )
}

/** The team's countdown, as the team sees it on their board. */
function TeamTimer({ endsAt }: { endsAt: number }) {
  const left = useCountdown(endsAt)
  return (
    <span className="team-card__badge" role="timer" data-testid="team-timer">
      {left === 0 ? 'Time is up' : `${formatCountdown(left)} left`}
    </span>
  )
}

/** "Nobody online", "Sam online", "Sam, Ada and 3 more online". */
function whoIsOnline(names: readonly string[]): string {
  if (names.length === 0) return 'Nobody online'
  const shown = names.slice(0, 2).join(', ')
  return names.length > 2 ? `${shown} and ${names.length - 2} more online` : `${shown} online`
}
