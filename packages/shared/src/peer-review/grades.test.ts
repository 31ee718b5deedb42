import { describe, expect, it } from 'vitest'
import { calibrationWeight, DEFAULT_GRADE_WEIGHTS, reviewDeviation, reviewScore, roundGrades, submissionScore, type GradedReview } from './grades.ts'
import type { RoundRubric } from './round-settings.ts'

// Two criteria on different scales: a runs 1 to 5 (range 4), b 0 to 10 (range 10).
const TWO: RoundRubric = {
  criteria: [
    { id: 'a', label: 'A', scale: { min: 1, max: 5 }, levels: [] },
    { id: 'b', label: 'B', scale: { min: 0, max: 10 }, levels: [] },
  ],
}
const ONE: RoundRubric = { criteria: [{ id: 'q', label: 'Q', scale: { min: 1, max: 5 }, levels: [] }] }

describe('calibration weight', () => {
  it('is 1 - d, d the mean distance over criteria divided by each range', () => {
    // d = (|5-4| / 4 + |10-8| / 10) / 2 = (0.25 + 0.2) / 2 = 0.225
    expect(calibrationWeight(TWO, { a: 5, b: 10 }, { a: 4, b: 8 })).toBeCloseTo(0.775, 10)
  })

  it('never falls below the floor of 0.2', () => {
    // d = (4/4 + 10/10) / 2 = 1, so 1 - d = 0
    expect(calibrationWeight(TWO, { a: 5, b: 10 }, { a: 1, b: 0 })).toBe(0.2)
  })

  it('is 1 for a student who did not calibrate', () => {
    expect(calibrationWeight(TWO, { a: 5, b: 10 }, null)).toBe(1)
  })
})

describe('submission score', () => {
  it('scales one reviewer’s scores to 0-100 per criterion and averages the criteria', () => {
    // a: (3-1)/4 = 50, b: 7/10 = 70
    expect(submissionScore(TWO, [{ scores: { a: 3, b: 7 }, weight: 1 }])).toBeCloseTo(60, 10)
  })

  it('weighs reviewers by their calibration weight', () => {
    // a: (5·0.2 + 1·1) / 1.2 = 5/3, scaled (5/3 - 1) / 4 = 1/6; b: (10·0.2 + 0) / 1.2 = 5/3, scaled 1/6
    expect(submissionScore(TWO, [{ scores: { a: 5, b: 10 }, weight: 0.2 }, { scores: { a: 1, b: 0 }, weight: 1 }])).toBeCloseTo(100 / 6, 10)
  })

  it('is null without a review', () => {
    expect(submissionScore(TWO, [])).toBeNull()
  })
})

describe('review deviation', () => {
  it('compares with the mean of the other reviewers per criterion', () => {
    // others' means: a 2, b 5; d' = (|5-2| / 4 + |10-5| / 10) / 2 = (0.75 + 0.5) / 2
    expect(reviewDeviation(TWO, { a: 5, b: 10 }, [{ a: 3, b: 4 }, { a: 1, b: 6 }])).toBeCloseTo(0.625, 10)
  })

  it('gives nothing for a design with one reviewer', () => {
    expect(reviewDeviation(TWO, { a: 5, b: 10 }, [])).toBeNull()
  })
})

describe('review score', () => {
  it('is 100 x (0.6 accuracy + 0.2 helpfulness / 5 + 0.2 on-time share) by default', () => {
    expect(reviewScore(DEFAULT_GRADE_WEIGHTS, { accuracy: 0.5, helpfulness: 4, onTime: 1 })).toBeCloseTo(66, 10)
  })

  it('renormalises the weights over the parts it has when ratings are missing', () => {
    // (0.6·0.5 + 0.2·1) / 0.8
    expect(reviewScore(DEFAULT_GRADE_WEIGHTS, { accuracy: 0.5, helpfulness: null, onTime: 1 })).toBeCloseTo(62.5, 10)
    expect(reviewScore(DEFAULT_GRADE_WEIGHTS, { accuracy: null, helpfulness: null, onTime: 0.5 })).toBeCloseTo(50, 10)
  })

  it('follows the round’s own weights', () => {
    expect(reviewScore({ accuracy: 0, helpfulness: 0.5, timeliness: 0.5 }, { accuracy: 0, helpfulness: 5, onTime: 0 })).toBeCloseTo(50, 10)
  })

  it('is null when no part is known', () => {
    expect(reviewScore(DEFAULT_GRADE_WEIGHTS, { accuracy: null, helpfulness: null, onTime: null })).toBeNull()
  })
})

describe('round grades', () => {
  const review = (reviewer: string, team: number, q: number | null, extra: Partial<GradedReview> = {}): GradedReview => ({
    reviewer,
    team,
    scores: q === null ? null : { q },
    late: false,
    hidden: false,
    ratings: [],
    ...extra,
  })
  const grades = roundGrades({
    rubric: ONE,
    weights: DEFAULT_GRADE_WEIGHTS,
    students: [
      { id: 's1', team: 1 },
      { id: 's2', team: 1 },
      { id: 'r1', team: 2 },
      { id: 'r2', team: 3 },
      { id: 'r3', team: 3 },
    ],
    reviews: [
      review('r1', 1, 5, { ratings: [4, 2] }),
      review('r2', 1, 3, { late: true, ratings: [5] }),
      review('r3', 1, 1, { hidden: true, ratings: [1] }),
      review('s1', 2, 4),
      review('s2', 2, null),
    ],
    calibration: new Map([['r1', 0.2]]),
  })
  const of = (id: string) => grades.find((grade) => grade.id === id)!

  it('gives each team the calibrated mean of its visible reviews', () => {
    // team 1: (5·0.2 + 3·1) / 1.2 = 10/3, scaled (10/3 - 1) / 4 · 100 = 175/3; r3's hidden 1 counts nowhere
    expect(of('s1').submissionScore).toBeCloseTo(175 / 3, 10)
    expect(of('s2').submissionScore).toBeCloseTo(175 / 3, 10)
    // team 2: s1's 4 alone, (4 - 1) / 4
    expect(of('r1').submissionScore).toBeCloseTo(75, 10)
    expect(of('r2').submissionScore).toBeNull()
  })

  it('scores reviewers against the other visible reviews, ratings and timeliness', () => {
    // r1: d' = |5 - 3| / 4 = 0.5 (r3 hidden), helpfulness (4 + 2) / 2 = 3, on time 1/1: 100 (0.3 + 0.12 + 0.2)
    expect(of('r1').reviewScore).toBeCloseTo(62, 10)
    // r2: d' = 0.5, helpfulness 5, late so on time 0/1: 100 (0.3 + 0.2 + 0)
    expect(of('r2').reviewScore).toBeCloseTo(50, 10)
    expect(of('r2')).toMatchObject({ reviewsDone: 1, reviewsLate: 1 })
  })

  it('counts a hidden review as not done', () => {
    expect(of('r3')).toMatchObject({ reviewsDone: 0, reviewsLate: 0, reviewScore: 0, parts: { accuracy: null, helpfulness: null, onTime: 0 } })
  })

  it('leaves out accuracy for the only reviewer of a design and ratings not given yet', () => {
    expect(of('s1')).toMatchObject({ reviewScore: 100, parts: { accuracy: null, helpfulness: null, onTime: 1 } })
    expect(of('s2')).toMatchObject({ reviewsDone: 0, reviewScore: 0 })
  })
})
