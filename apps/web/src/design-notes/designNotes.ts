import { DECISION_TYPE, GOAL_TYPE, jsonEqual, readDesignNotes, type DesignNotes, type JsonRecord, type JsonValue } from '@concord/shared'
import { uniqueId, type Editor, type TLRecord } from 'tldraw'
import type { DecisionRecord, GoalRecord } from '../design-records/designRecordTypes.ts'

/** The goals, non-goals and decisions in the editor's store (the live board's or a frozen version's). */
export function designNotesOf(editor: Editor): DesignNotes {
  const records = [...editor.store.query.records(GOAL_TYPE).get(), ...editor.store.query.records(DECISION_TYPE).get()]
  return readDesignNotes(records as unknown as JsonRecord[])
}

export const newGoalId = () => `${GOAL_TYPE}:${uniqueId()}` as GoalRecord['id']
export const newDecisionId = () => `${DECISION_TYPE}:${uniqueId()}` as DecisionRecord['id']

/**
 * A note edited in a form opened on `initial`: the fields the user changed, over the note as it is
 * now, so a peer's edit of another field since the form opened is kept.
 */
export function editedNote<R extends GoalRecord | DecisionRecord>(editor: Editor, initial: R, edited: Partial<R>): R {
  const current = (editor.store.get(initial.id) ?? initial) as R
  const changed = Object.entries(edited).filter(([key, value]) => !jsonEqual(value as JsonValue, initial[key as keyof R] as JsonValue))
  return { ...current, ...Object.fromEntries(changed) }
}

/**
 * Writes a note as this user's change: one undo step of its own (Ctrl+Z reverts it for its author
 * only), synced through the binding like any shape.
 */
export function putNote(editor: Editor, record: GoalRecord | DecisionRecord): void {
  editor.markHistoryStoppingPoint('design note')
  editor.store.put([record as TLRecord])
}

export function removeNote(editor: Editor, id: GoalRecord['id'] | DecisionRecord['id']): void {
  editor.markHistoryStoppingPoint('design note')
  editor.store.remove([id])
}
