import { getRecordsMap, writeRecord, type JsonRecord } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { openBoardClient } from '../test/boardClient.ts'
import { linkDocs } from '../test/linkedDocs.ts'
import { waitFor } from '../test/waitFor.ts'
import type { DecisionRecord, GoalRecord } from '../design-records/designRecordTypes.ts'
import { designNotesOf, editedNote, newDecisionId, newGoalId, putNote, removeNote } from './designNotes.ts'

const decision = (overrides: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id: newDecisionId(),
  typeName: 'design_decision',
  title: 'Queue uploads',
  status: 'proposed',
  context: '',
  options: ['Queue', 'Bigger servers'],
  decision: '',
  consequences: '',
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
})

function twoClients() {
  const a = openBoardClient({ seed: true })
  const b = openBoardClient()
  return [a, b, linkDocs(a.doc, b.doc)] as const
}

describe('design notes on the board', () => {
  it('sync as board records, merge edits to different fields, and undo for their author only', async () => {
    const [a, b, link] = twoClients()
    const goal: GoalRecord = { id: newGoalId(), typeName: 'design_goal', list: 'goal', text: 'Grades survive a zone outage', createdAt: 1 }
    const record = decision()
    putNote(a.editor, goal)
    putNote(a.editor, record)
    a.binding.flush()
    await waitFor(() => designNotesOf(b.editor).decisions.length === 1, 'A’s decision to reach B')
    expect(designNotesOf(b.editor)).toEqual({ goals: [goal], nonGoals: [], decisions: [record], unreadable: [] })

    // B accepts it while A, cut off from B, writes its consequences: both survive.
    link.pause()
    putNote(b.editor, { ...b.store.get(record.id)!, status: 'accepted' })
    putNote(a.editor, { ...a.store.get(record.id)!, consequences: 'Grading is asynchronous.' })
    a.binding.flush()
    b.binding.flush()
    link.flush()
    b.binding.flush()
    for (const client of [a, b]) {
      await waitFor(() => designNotesOf(client.editor).decisions[0]?.status === 'accepted' && designNotesOf(client.editor).decisions[0]?.consequences !== '', 'both edits everywhere')
    }

    // A's undo takes back A's last step (the consequences) and keeps B's status; then A's decision itself.
    a.editor.undo()
    for (const client of [a, b]) {
      await waitFor(() => designNotesOf(client.editor).decisions[0]?.consequences === '', 'A’s undo of its edit everywhere')
      expect(designNotesOf(client.editor).decisions[0]?.status).toBe('accepted')
    }
    a.editor.undo()
    for (const client of [a, b]) await waitFor(() => designNotesOf(client.editor).decisions.length === 0, 'A’s undo of its decision everywhere')
    expect(designNotesOf(b.editor).goals).toEqual([goal])

    removeNote(b.editor, goal.id)
    b.binding.flush()
    await waitFor(() => designNotesOf(a.editor).goals.length === 0, 'B’s removal to reach A')
  })

  it('a form saved after a peer’s edit writes only the fields its user changed', async () => {
    const [a, b] = twoClients()
    const record = decision()
    putNote(a.editor, record)
    a.binding.flush()
    await waitFor(() => b.store.has(record.id), 'the decision to reach B')
    // A opened the form on `record`; B accepts the decision meanwhile; A saves every field of its form.
    putNote(b.editor, { ...b.store.get(record.id)!, status: 'accepted' })
    b.binding.flush()
    await waitFor(() => a.store.get(record.id)?.status === 'accepted', 'B’s status to reach A')
    putNote(a.editor, editedNote(a.editor, record, { ...record, consequences: 'Grading is asynchronous.' }))
    a.binding.flush()
    await waitFor(() => b.store.get(record.id)?.consequences !== '', 'A’s save to reach B')
    for (const client of [a, b]) expect(client.store.get(record.id)).toMatchObject({ status: 'accepted', consequences: 'Grading is asynchronous.' })
  })

  it('skip and report a peer’s invalid decision record while its valid ones sync', async () => {
    const [a, b] = twoClients()
    const valid = decision({ title: 'Valid' })
    const records = getRecordsMap(a.doc)
    a.doc.transact(() => {
      writeRecord(records, { ...decision(), id: 'design_decision:empty-title', title: '' } as unknown as JsonRecord)
      writeRecord(records, { ...decision(), id: 'design_decision:bad-status', status: 'maybe' } as unknown as JsonRecord)
      writeRecord(records, { ...decision(), id: 'design_decision:long', context: 'x'.repeat(5000) } as unknown as JsonRecord)
      writeRecord(records, valid as unknown as JsonRecord)
    })
    await waitFor(() => b.rejected.length === 3, 'the invalid records to be reported')
    expect(Object.fromEntries(b.rejected.map(({ id, reason }) => [id, reason]))).toMatchObject({
      'design_decision:empty-title': expect.stringContaining('The title cannot be empty'),
      'design_decision:bad-status': expect.stringContaining('status'),
      'design_decision:long': expect.stringContaining('The context is at most 4000 characters'),
    })
    expect(designNotesOf(b.editor).decisions.map((d) => d.title)).toEqual(['Valid'])
  })
})
