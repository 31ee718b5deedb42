import { seededRandom, shuffled } from './seeded-random.ts'

/**
 * Who reviews which team's submission in a round. Rules, in order:
 * 1. nobody reviews their own team, nor one submission twice; each student reviews
 *    `reviewsPerStudent` submissions (fewer only when there are not that many other teams);
 * 2. with three or more submitting teams, every submission is reviewed by students of at least
 *    two other teams (when it gets two reviews at all);
 * 3. reviews per submission are as even as rule 2 and the team sizes allow (at most one apart
 *    when they allow it);
 * 4. the same roster, submissions and seed give the same assignment.
 */

export interface Reviewer {
  /** The student's stable key (not their name). */
  id: string
  team: number
}

export interface Assignment {
  reviewer: string
  /** The team whose submission is reviewed. */
  team: number
}

export interface AssignmentInput {
  reviewers: readonly Reviewer[]
  /** Teams that have a submission in the round. */
  submissionTeams: readonly number[]
  reviewsPerStudent: number
  seed: number
}

/** The round's assignment, reviewer by reviewer in the order drawn from the seed. */
export function assignReviews({ reviewers, submissionTeams, reviewsPerStudent, seed }: AssignmentInput): Assignment[] {
  const random = seededRandom(seed)
  const book = new Book(reviewers, submissionTeams)
  for (const reviewer of interleavedByTeam(reviewers, random)) {
    for (let pick = book.quota(reviewer, reviewsPerStudent); pick > 0; pick--) {
      const team = book.leastReviewed(reviewer, random)
      if (team === undefined) break
      book.add(reviewer.id, team)
    }
  }
  book.spreadOverTeams()
  book.balance()
  return book.assignments()
}

/**
 * Assigns a student added after the round was made, leaving every other assignment as it is:
 * the submissions they may review that have the fewest reviews (first those reviewed by a
 * single team), drawn from the seed and the student's key.
 */
export function assignLateReviewer(
  reviewer: Reviewer,
  { existing, submissionTeams, reviewsPerStudent, seed }: { existing: readonly Assignment[]; submissionTeams: readonly number[]; reviewsPerStudent: number; seed: number },
  teamOf: (reviewerId: string) => number | undefined,
): Assignment[] {
  const random = seededRandom((seed ^ hashString(reviewer.id)) >>> 0)
  const known = new Map<string, Reviewer>()
  for (const { reviewer: id } of existing) {
    const team = teamOf(id)
    if (team !== undefined) known.set(id, { id, team })
  }
  const book = new Book([...known.values(), reviewer], submissionTeams)
  for (const assignment of existing) if (known.has(assignment.reviewer)) book.add(assignment.reviewer, assignment.team)
  const added: Assignment[] = []
  for (let pick = book.quota(reviewer, reviewsPerStudent); pick > 0; pick--) {
    const team = book.leastReviewed(reviewer, random)
    if (team === undefined) break
    book.add(reviewer.id, team)
    added.push({ reviewer: reviewer.id, team })
  }
  return added
}

/** Reviewers in an order that takes one student of each team in turn, teams and students shuffled. */
function interleavedByTeam(reviewers: readonly Reviewer[], random: () => number): Reviewer[] {
  const byTeam = new Map<number, Reviewer[]>()
  for (const reviewer of reviewers) byTeam.set(reviewer.team, [...(byTeam.get(reviewer.team) ?? []), reviewer])
  const queues = shuffled([...byTeam.keys()].sort((a, b) => a - b), random).map((team) => shuffled(byTeam.get(team)!, random))
  const out: Reviewer[] = []
  for (let i = 0; out.length < reviewers.length; i++) for (const queue of queues) if (queue[i]) out.push(queue[i]!)
  return out
}

/** FNV-1a, to mix a student's key into the round's seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

interface Move {
  reviewer: string
  from: number
  to: number
}

/** The assignment being built: who reviews what, both ways. */
class Book {
  private readonly teamOf = new Map<string, number>()
  private readonly reviewsOf = new Map<string, Set<number>>()
  private readonly reviewersOf = new Map<number, Set<string>>()
  /** Reviewers in the order they were first assigned (a Set keeps insertion order). */
  private readonly order = new Set<string>()
  private readonly spread: boolean

  constructor(reviewers: readonly Reviewer[], submissionTeams: readonly number[]) {
    for (const { id, team } of reviewers) {
      this.teamOf.set(id, team)
      this.reviewsOf.set(id, new Set())
    }
    for (const team of [...new Set(submissionTeams)].sort((a, b) => a - b)) this.reviewersOf.set(team, new Set())
    this.spread = this.reviewersOf.size >= 3
  }

  quota(reviewer: Reviewer, reviewsPerStudent: number): number {
    const others = [...this.reviewersOf.keys()].filter((team) => team !== reviewer.team).length
    return Math.min(reviewsPerStudent, others) - this.reviewsOf.get(reviewer.id)!.size
  }

  add(reviewer: string, team: number): void {
    this.reviewsOf.get(reviewer)!.add(team)
    this.reviewersOf.get(team)!.add(reviewer)
    this.order.add(reviewer)
  }

  /** The submission `reviewer` may still take with the fewest reviews, preferring ones no teammate reviews yet. */
  leastReviewed(reviewer: Reviewer, random: () => number): number | undefined {
    let best: { team: number; key: [number, number, number] } | undefined
    for (const [team, reviewers] of this.reviewersOf) {
      if (!this.mayReview(reviewer.id, team)) continue
      const teams = this.teamsReviewing(team)
      const key: [number, number, number] = [reviewers.size, teams.has(reviewer.team) ? 1 : 0, random()]
      if (!best || compareKeys(key, best.key) < 0) best = { team, key }
    }
    return best?.team
  }

  /** Rule 2: a submission reviewed by one team's students swaps a reviewer with another submission. */
  spreadOverTeams(): void {
    if (!this.spread) return
    for (const [team, reviewers] of this.reviewersOf) {
      if (reviewers.size < 2 || this.teamsReviewing(team).size >= 2) continue
      this.swapInAnotherTeam(team)
    }
  }

  private swapInAnotherTeam(team: number): void {
    const only = [...this.teamsReviewing(team)][0]
    for (const [other, otherReviewers] of this.reviewersOf) {
      if (other === team) continue
      for (const x of otherReviewers) {
        if (this.teamOf.get(x) === only || !this.mayReview(x, team)) continue
        for (const y of this.reviewersOf.get(team)!) {
          if (!this.mayReview(y, other)) continue
          this.move({ reviewer: x, from: other, to: team })
          this.move({ reviewer: y, from: team, to: other })
          if (this.isSpread(other)) return
          this.move({ reviewer: y, from: other, to: team })
          this.move({ reviewer: x, from: team, to: other })
        }
      }
    }
  }

  /**
   * Rule 3: while some submission has two reviews more than another, moves one review along a
   * chain of reviewers (each handing one submission on to the next) from the most reviewed to a
   * least reviewed one. Every move keeps rule 2, and each chain makes the loads strictly more even.
   */
  balance(): void {
    for (;;) {
      const loads = [...this.reviewersOf.values()].map((reviewers) => reviewers.size)
      const max = Math.max(...loads)
      const min = Math.min(...loads)
      if (max - min <= 1) return
      const chain =
        this.chain((load) => load === max, (load) => load <= max - 2) ?? this.chain((load) => load >= min + 2, (load) => load === min)
      if (!chain) return
      for (const move of chain) this.move(move)
    }
  }

  /** The shortest chain of moves from a submission whose load passes `from` to one whose load passes `to`. */
  private chain(from: (load: number) => boolean, to: (load: number) => boolean): Move[] | null {
    const via = new Map<number, Move | null>()
    const queue: number[] = []
    for (const [team, reviewers] of this.reviewersOf) {
      if (from(reviewers.size)) {
        via.set(team, null)
        queue.push(team)
      }
    }
    while (queue.length > 0) {
      const team = queue.shift()!
      for (const reviewer of this.reviewersOf.get(team)!) {
        if (!this.mayLeave(reviewer, team)) continue
        for (const [next, nextReviewers] of this.reviewersOf) {
          if (via.has(next) || !this.mayReview(reviewer, next)) continue
          via.set(next, { reviewer, from: team, to: next })
          if (to(nextReviewers.size)) return this.path(via, next)
          queue.push(next)
        }
      }
    }
    return null
  }

  private path(via: Map<number, Move | null>, end: number): Move[] {
    const moves: Move[] = []
    for (let move = via.get(end); move; move = via.get(move.from)) moves.unshift(move)
    return moves
  }

  private move({ reviewer, from, to }: Move): void {
    this.reviewsOf.get(reviewer)!.delete(from)
    this.reviewersOf.get(from)!.delete(reviewer)
    this.add(reviewer, to)
  }

  private mayReview(reviewer: string, team: number): boolean {
    return this.teamOf.get(reviewer) !== team && !this.reviewsOf.get(reviewer)!.has(team)
  }

  /** Whether taking `reviewer` off `team`'s submission keeps rule 2 there. */
  private mayLeave(reviewer: string, team: number): boolean {
    if (!this.spread || !this.isSpread(team)) return true
    const rest = [...this.reviewersOf.get(team)!].filter((id) => id !== reviewer)
    return new Set(rest.map((id) => this.teamOf.get(id))).size >= 2
  }

  private isSpread(team: number): boolean {
    return this.reviewersOf.get(team)!.size < 2 || this.teamsReviewing(team).size >= 2
  }

  private teamsReviewing(team: number): Set<number> {
    return new Set([...this.reviewersOf.get(team)!].map((id) => this.teamOf.get(id)!))
  }

  assignments(): Assignment[] {
    return [...this.order].flatMap((reviewer) => [...this.reviewsOf.get(reviewer)!].sort((a, b) => a - b).map((team) => ({ reviewer, team })))
  }
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}
