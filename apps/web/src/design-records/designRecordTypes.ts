import { DECISION_TYPE, decisionProblem, GOAL_TYPE, goalProblem, type DesignDecision, type DesignGoal } from '@concord/shared'
import type { BaseRecord, CustomRecordInfo, RecordId } from 'tldraw'

export type GoalRecord = DesignGoal & BaseRecord<typeof GOAL_TYPE, RecordId<GoalRecord>>
export type DecisionRecord = DesignDecision & BaseRecord<typeof DECISION_TYPE, RecordId<DecisionRecord>>

declare module 'tldraw' {
  interface TLGlobalRecordPropsMap {
    [GOAL_TYPE]: GoalRecord
    [DECISION_TYPE]: DecisionRecord
  }
}

/** A record validator from a shared check: a peer's invalid record throws, so the binding skips and reports it. */
function checkedBy<R>(problem: (value: unknown) => string | null): CustomRecordInfo['validator'] {
  return {
    validate(value: unknown): R {
      const reason = problem(value)
      if (reason) throw new Error(reason)
      return value as R
    },
  }
}

/**
 * The board's own record types beside tldraw's, for every store that holds a board: the team's
 * goals and decision records (document scope, so they sync and are frozen into versions). Each
 * type gets a migration sequence (`com.tldraw.<type>`, from tldraw), which the board records with
 * its schema: a client that lacks these types meets "a newer version wrote this board".
 */
export const boardRecordTypes: Record<string, CustomRecordInfo> = {
  [GOAL_TYPE]: { scope: 'document', validator: checkedBy<GoalRecord>(goalProblem) },
  [DECISION_TYPE]: { scope: 'document', validator: checkedBy<DecisionRecord>(decisionProblem) },
}
