import type { RosterResponse, RoundResponse } from '@concord/shared'
import { useEffect, useState } from 'react'
import { fetchRound, fetchRounds, fetchRoster } from '../api/peerReview.ts'
import { RosterSection } from './RosterSection.tsx'
import { RoundProgress } from './RoundProgress.tsx'
import { RoundSetupForm } from './RoundSetupForm.tsx'
import { FormError } from '../ui/FormError.tsx'

/** The dashboard's peer review: the roster with its personal links, opening a round, and the latest round's progress and grading. */
export function PeerReviewSection({ sessionId, token }: { sessionId: string; token: string }) {
  const [roster, setRoster] = useState<RosterResponse | null>(null)
  const [round, setRound] = useState<RoundResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    const load = async () => {
      const [loadedRoster, rounds] = await Promise.all([fetchRoster(sessionId, token), fetchRounds(sessionId, token)])
      const latest = rounds.at(-1)
      const loadedRound = latest ? await fetchRound(sessionId, token, latest.id) : null
      if (!current) return
      setRoster(loadedRoster)
      setRound(loadedRound)
    }
    load().catch((failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)))
    return () => {
      current = false
    }
  }, [sessionId, token])
  const hasStudents = (roster?.students.length ?? 0) > 0
  return (
    <section className="peer-review card" aria-labelledby="peer-review-title" data-testid="peer-review">
      <h2 id="peer-review-title" className="peer-review__title">
        Peer review
      </h2>
      <FormError error={error} />
      <div className="peer-review__columns">
        <RosterSection sessionId={sessionId} token={token} roster={roster} onImported={setRoster} />
        {hasStudents ? (
          <RoundSetupForm sessionId={sessionId} token={token} onCreated={setRound} />
        ) : (
          <p className="peer-review__block peer-review__hint">Import the students first: each gets a personal link, and then you can open a review round.</p>
        )}
      </div>
      {round ? (
        <RoundProgress sessionId={sessionId} token={token} round={round} onChanged={setRound} />
      ) : (
        hasStudents && (
          <p className="peer-review__hint" data-testid="round-none">
            No review round yet. Once you open one, its progress, flags, score distributions and grades appear here.
          </p>
        )
      )}
    </section>
  )
}
