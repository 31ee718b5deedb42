import { expect } from 'vitest'
import type { Storage } from '../../src/storage/types.ts'

/**
 * The part-2 peer-review storage contract (ratings, flags, hidden reviews, calibrations), the same
 * for SQLite and PostgreSQL: `writer` writes, `reader` (another node, or the same storage) reads.
 */
export async function checkFeedbackStorage(writer: Storage, reader: Storage): Promise<void> {
  await writer.createBoard({ id: 'board-fb-1', title: 'Team 1', createdAt: 1700000000000 }, [])
  await writer.createSession({ id: 'session-fb', name: 'Peer', createdAt: 1700000000000, template: null, boards: [{ team: 1, boardId: 'board-fb-1' }] })
  let keys = 0
  await writer.peerReview.putStudents('session-fb', [{ studentId: 's1', name: 'Ann', team: 1 }, { studentId: 's2', name: 'Bo', team: 2 }], () => `fb-key-${++keys}`)
  const assignment = { id: 'fb-a1', roundId: 'fb-r1', studentKey: 'fb-key-2', team: 1, reviewerPseudonym: 'Reviewer 1', position: 0 }
  await writer.peerReview.createRound({ id: 'fb-r1', sessionId: 'session-fb', createdAt: 1700000001000, data: '{"x":1}' }, [assignment, { ...assignment, id: 'fb-a2', team: 3, position: 1 }])
  await writer.peerReview.updateRoundData('fb-r1', '{"x":2}')
  expect((await reader.peerReview.getRound('fb-r1'))?.data).toBe('{"x":2}')

  // One rating and one flag per review and student: given again, they replace the earlier one.
  const rating = { assignmentId: 'fb-a1', studentKey: 'fb-key-1', helpfulness: 2, comment: 'vague', updatedAt: 1700000002000 }
  await writer.peerReview.putRating(rating)
  await writer.peerReview.putRating({ ...rating, helpfulness: 4, comment: 'useful after all', updatedAt: 1700000003000 })
  expect(await reader.peerReview.listRatings('fb-r1')).toEqual([{ ...rating, helpfulness: 4, comment: 'useful after all', updatedAt: 1700000003000 }])
  const flag = { assignmentId: 'fb-a1', studentKey: 'fb-key-1', reason: 'rude', createdAt: 1700000004000 }
  await writer.peerReview.putFlag({ ...flag, reason: 'off topic' })
  await writer.peerReview.putFlag(flag)
  expect(await reader.peerReview.listFlags('fb-r1')).toEqual([flag])

  await writer.peerReview.setHidden('fb-a2', true, 1700000005000)
  await writer.peerReview.setHidden('fb-a1', true, 1700000005000)
  await writer.peerReview.setHidden('fb-a1', true, 1700000006000)
  expect(await reader.peerReview.listHidden('fb-r1')).toEqual(['fb-a1', 'fb-a2'])
  await writer.peerReview.setHidden('fb-a1', false, 1700000007000)
  expect(await reader.peerReview.listHidden('fb-r1')).toEqual(['fb-a2'])

  // A calibration is given once.
  const calibration = { roundId: 'fb-r1', studentKey: 'fb-key-1', scores: '{"a":3}', submittedAt: 1700000008000 }
  expect(await writer.peerReview.addCalibration(calibration)).toBe(true)
  expect(await writer.peerReview.addCalibration({ ...calibration, scores: '{"a":1}' })).toBe(false)
  expect(await reader.peerReview.getCalibration('fb-r1', 'fb-key-1')).toEqual(calibration)
  expect(await reader.peerReview.getCalibration('fb-r1', 'fb-key-2')).toBeNull()
  expect(await reader.peerReview.listCalibrations('fb-r1')).toEqual([calibration])
}
