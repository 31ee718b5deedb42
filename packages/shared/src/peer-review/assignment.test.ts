import { describe, expect, it } from 'vitest'
import { assignLateReviewer, assignReviews, type Assignment, type Reviewer } from './assignment.ts'
import { seededRandom } from './seeded-random.ts'

interface Roster {
  reviewers: Reviewer[]
  submissionTeams: number[]
  reviewsPerStudent: number
}

/** A roster of `students` in `teams` teams of uneven sizes (every team has one student at least). */
function unevenRoster(random: () => number, students: number, teams: number): Reviewer[] {
  const weights = Array.from({ length: teams }, () => 0.2 + random() * 3)
  const reviewers: Reviewer[] = Array.from({ length: teams }, (_, i) => ({ id: `s${i}`, team: i + 1 }))
  const total = weights.reduce((sum, w) => sum + w, 0)
  for (let i = teams; i < students; i++) {
    let pick = random() * total
    let team = 0
    while (pick > weights[team]! && team < teams - 1) pick -= weights[team++]!
    reviewers.push({ id: `s${i}`, team: team + 1 })
  }
  return reviewers
}

function randomRoster(seed: number): Roster {
  const random = seededRandom(seed)
  const students = 3 + Math.floor(random() ** 2 * 398)
  const teams = 2 + Math.floor(random() * Math.min(39, students - 2))
  const reviewers = unevenRoster(random, students, teams)
  // Now and then a team has not submitted.
  const submissionTeams = Array.from({ length: teams }, (_, i) => i + 1).filter(() => random() > 0.1)
  return { reviewers, submissionTeams, reviewsPerStudent: 1 + Math.floor(random() * 3) }
}

function loads(assignments: readonly Assignment[], submissionTeams: readonly number[]): Map<number, number> {
  const out = new Map(submissionTeams.map((team) => [team, 0]))
  for (const { team } of assignments) if (out.has(team)) out.set(team, out.get(team)! + 1)
  return out
}

/** What breaks rules 1 and 2 of `assignment.ts` (empty: nothing). */
function violations({ reviewers, submissionTeams, reviewsPerStudent }: Roster, assignments: readonly Assignment[]): string[] {
  const problems: string[] = []
  const teamOf = new Map(reviewers.map((r) => [r.id, r.team]))
  const byReviewer = new Map<string, number[]>()
  for (const { reviewer, team } of assignments) {
    if (teamOf.get(reviewer) === team) problems.push(`${reviewer} reviews their own team`)
    if (!submissionTeams.includes(team)) problems.push(`${reviewer} reviews team ${team}, which submitted nothing`)
    byReviewer.set(reviewer, [...(byReviewer.get(reviewer) ?? []), team])
  }
  for (const reviewer of reviewers) {
    const teams = byReviewer.get(reviewer.id) ?? []
    if (new Set(teams).size !== teams.length) problems.push(`${reviewer.id} reviews a submission twice`)
    const quota = Math.min(reviewsPerStudent, submissionTeams.filter((team) => team !== reviewer.team).length)
    if (teams.length !== quota) problems.push(`${reviewer.id} has ${teams.length} reviews, not ${quota}`)
  }
  // Rule 2 needs two reviews per student: with one each, tiny teams cannot give every submission two teams.
  if (submissionTeams.length >= 3 && reviewsPerStudent >= 2) {
    for (const team of submissionTeams) {
      const reviewerTeams = new Set(assignments.filter((a) => a.team === team).map((a) => teamOf.get(a.reviewer)))
      if (reviewerTeams.size < 2) problems.push(`team ${team}'s submission is reviewed by ${reviewerTeams.size} team(s)`)
    }
  }
  return problems
}

function spread(assignments: readonly Assignment[], submissionTeams: readonly number[]): number {
  const values = [...loads(assignments, submissionTeams).values()]
  return Math.max(...values) - Math.min(...values)
}

describe('review assignment', () => {
  it('keeps its rules over 200 seeded rosters of 3 to 400 students in 2 to 40 teams, with late additions', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const roster = randomRoster(seed)
      const context = `seed ${seed}: ${roster.reviewers.length} students, submissions ${roster.submissionTeams.join(',')}, ${roster.reviewsPerStudent} each`
      try {
        const assignments = assignReviews({ ...roster, seed })
        expect(violations(roster, assignments)).toEqual([])
        // The seed reproduces the assignment.
        expect(assignReviews({ ...roster, seed })).toEqual(assignments)

        // Two students join late: nobody else's assignment moves.
        const teams = Math.max(...roster.reviewers.map((r) => r.team))
        const late: Reviewer[] = [
          { id: 'late-1', team: 1 + (seed % teams) },
          { id: 'late-2', team: 1 + ((seed * 7) % teams) },
        ]
        let all = [...assignments]
        const teamOf = new Map([...roster.reviewers, ...late].map((r) => [r.id, r.team]))
        for (const reviewer of late) {
          const added = assignLateReviewer(reviewer, { ...roster, existing: all, seed }, (id) => teamOf.get(id))
          expect(added.filter((a) => a.reviewer !== reviewer.id)).toEqual([])
          all = [...all, ...added]
        }
        expect(all.slice(0, assignments.length)).toEqual(assignments)
        expect(violations({ ...roster, reviewers: [...roster.reviewers, ...late] }, all)).toEqual([])
      } catch (error) {
        // The seed replays the failing roster.
        throw new Error(`${context}: ${(error as Error).message}`, { cause: error })
      }
    }
  }, 20_000)

  it('evens the reviews per submission out to at most one apart when the teams are of even size', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed)
      const teams = 2 + Math.floor(random() * 39)
      const size = 1 + Math.floor(random() * Math.min(8, 400 / teams - 1))
      const reviewers = Array.from({ length: teams * size + Math.floor(random() * teams) }, (_, i) => ({ id: `s${i}`, team: 1 + (i % teams) }))
      const roster = { reviewers, submissionTeams: Array.from({ length: teams }, (_, i) => i + 1), reviewsPerStudent: 1 + Math.floor(random() * 3) }
      const assignments = assignReviews({ ...roster, seed })
      expect(violations(roster, assignments)).toEqual([])
      expect(spread(assignments, roster.submissionTeams) <= 1 ? 'even' : `seed ${seed}: ${teams} teams of ${size} are not even`).toBe('even')
    }
  })

  it('makes uneven teams as even as it can: a big team cannot review itself, so its submission gets fewer', () => {
    // Team 1 has 10 students, teams 2 to 4 two each: team 1's submission can get at most 6 reviews.
    const reviewers = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, team: 1 })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `b${i}`, team: 2 + (i % 3) })),
    ]
    const roster = { reviewers, submissionTeams: [1, 2, 3, 4], reviewsPerStudent: 2 }
    for (let seed = 1; seed <= 20; seed++) {
      const assignments = assignReviews({ ...roster, seed })
      expect(violations(roster, assignments)).toEqual([])
      const counts = loads(assignments, roster.submissionTeams)
      expect(counts.get(1)).toBe(6)
      expect(spread(assignments, [2, 3, 4])).toBeLessThanOrEqual(1)
    }
  })

  it('gives different seeds different assignments', () => {
    const reviewers = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, team: 1 + (i % 6) }))
    const roster = { reviewers, submissionTeams: [1, 2, 3, 4, 5, 6], reviewsPerStudent: 2 }
    expect(assignReviews({ ...roster, seed: 1 })).not.toEqual(assignReviews({ ...roster, seed: 2 }))
  })
})
