import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAllRecords, writeRecord, writeRecordChange, type JsonRecord } from './codec.ts'
import { decisionProblem, DESIGN_NOTE_LIMITS, goalProblem, readDesignNotes, type DesignDecision, type DesignGoal } from './design-notes.ts'
import { getRecordsMap } from './layout.ts'

const goal = (overrides: Partial<DesignGoal> = {}): DesignGoal => ({ id: 'design_goal:g1', typeName: 'design_goal', list: 'goal', text: 'Survive one zone outage', createdAt: 1, ...overrides })

const decision = (overrides: Partial<DesignDecision> = {}): DesignDecision => ({
  id: 'design_decision:d1',
  typeName: 'design_decision',
  title: 'Use Raft for the metadata store',
  status: 'accepted',
  context: 'The metadata must survive a node loss.',
  options: ['Raft', 'Primary-backup'],
  decision: 'Raft, three replicas.',
  consequences: 'Writes wait for a majority.',
  createdAt: 10,
  updatedAt: 20,
  ...overrides,
})

describe('design note checks', () => {
  it('accepts valid goals and decisions', () => {
    expect(goalProblem(goal())).toBeNull()
    expect(goalProblem(goal({ list: 'non-goal' }))).toBeNull()
    expect(decisionProblem(decision())).toBeNull()
    expect(decisionProblem(decision({ context: '', options: [], decision: '', consequences: '' }))).toBeNull()
  })

  it('refuses every invalid field with its reason', () => {
    expect(goalProblem(goal({ text: '  ' }))).toBe('A goal cannot be empty')
    expect(goalProblem(goal({ text: 'x'.repeat(DESIGN_NOTE_LIMITS.goal + 1) }))).toBe(`A goal is at most ${DESIGN_NOTE_LIMITS.goal} characters`)
    expect(goalProblem({ ...goal(), list: 'wish' })).toMatch(/^list:/)
    expect(goalProblem({ ...goal(), createdAt: -1 })).toMatch(/^createdAt:/)
    expect(goalProblem({ ...goal(), id: 'shape:x' })).toMatch(/^id:/)
    expect(decisionProblem(decision({ title: '' }))).toBe('The title cannot be empty')
    expect(decisionProblem(decision({ title: 'x'.repeat(DESIGN_NOTE_LIMITS.title + 1) }))).toBe(`The title is at most ${DESIGN_NOTE_LIMITS.title} characters`)
    expect(decisionProblem({ ...decision(), status: 'rejected' })).toBe('status: the status is one of proposed, accepted, superseded, deprecated')
    expect(decisionProblem(decision({ context: 'x'.repeat(DESIGN_NOTE_LIMITS.text + 1) }))).toBe(`The context is at most ${DESIGN_NOTE_LIMITS.text} characters`)
    expect(decisionProblem(decision({ options: Array.from({ length: DESIGN_NOTE_LIMITS.options + 1 }, (_, i) => `o${i}`) }))).toBe(`A decision lists at most ${DESIGN_NOTE_LIMITS.options} options`)
    expect(decisionProblem(decision({ options: [''] }))).toBe('An option cannot be empty')
    expect(decisionProblem({ ...decision(), updatedAt: 'today' })).toMatch(/^updatedAt:/)
    expect(decisionProblem({ ...decision(), script: '<b>' })).toMatch(/script/)
    const { decision: _dropped, ...missing } = decision()
    expect(decisionProblem(missing)).toMatch(/^decision:/)
  })
})

describe('design notes in Yjs', () => {
  it('round-trip through the codec, and edits to different fields of one decision merge', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    writeRecord(getRecordsMap(a), decision() as unknown as JsonRecord)
    writeRecord(getRecordsMap(a), goal() as unknown as JsonRecord)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readDesignNotes(readAllRecords(getRecordsMap(b)))).toEqual({ goals: [goal()], nonGoals: [], decisions: [decision()], unreadable: [] })

    const base = decision() as unknown as JsonRecord
    writeRecordChange(getRecordsMap(a), base, { ...base, status: 'superseded' })
    writeRecordChange(getRecordsMap(b), base, { ...base, consequences: 'Three nodes to run.' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) {
      expect(readDesignNotes(readAllRecords(getRecordsMap(doc))).decisions).toEqual([decision({ status: 'superseded', consequences: 'Three nodes to run.' })])
    }
  })

  it('reads each list in writing order and skips invalid records with their reason', () => {
    const records = [
      goal({ id: 'design_goal:late', createdAt: 5 }),
      goal({ id: 'design_goal:early', createdAt: 2 }),
      goal({ id: 'design_goal:non', list: 'non-goal', text: 'Multi-region writes' }),
      decision({ id: 'design_decision:bad', title: '' }),
      decision(),
    ] as unknown as JsonRecord[]
    const notes = readDesignNotes([...records, { id: 'shape:x', typeName: 'shape' }])
    expect(notes.goals.map((g) => g.id)).toEqual(['design_goal:early', 'design_goal:late'])
    expect(notes.nonGoals.map((g) => g.text)).toEqual(['Multi-region writes'])
    expect(notes.decisions.map((d) => d.id)).toEqual(['design_decision:d1'])
    expect(notes.unreadable).toEqual([{ id: 'design_decision:bad', reason: 'The title cannot be empty' }])
  })
})
