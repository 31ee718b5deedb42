import { analyseRecords, type Finding, type JsonRecord } from '@concord/shared'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { openBoardClient, type BoardClient } from '../test/boardClient.ts'
import { linkDocs } from '../test/linkedDocs.ts'
import { waitFor } from '../test/waitFor.ts'
import { justificationProblem, setNotApplicable, withMark } from './notApplicableMarks.ts'

const ensemble = createShapeId('ensemble')

function placeEnsemble(editor: Editor): void {
  editor.markHistoryStoppingPoint()
  editor.createShape({
    id: ensemble,
    type: 'component',
    x: 0,
    y: 0,
    props: { kind: 'coordination-service', name: 'Locks', w: 180, h: 100, properties: { ensembleSize: 4 }, rationale: {} },
  } as never)
}

function evenEnsemble(client: BoardClient): Finding {
  const records = client.store.allRecords() as unknown as JsonRecord[]
  return analyseRecords(records).findings.find((finding) => finding.rule === 'even-consensus-ensemble')!
}

describe('not applicable marks', () => {
  it('keeps the other marks and meta when one is set or removed', () => {
    const meta = { connection: { mode: 'async' }, analysis: { notApplicable: { spof: 'Managed.' } } }
    expect(withMark(meta, 'cost-incomplete', 'Free tier.')).toEqual({
      connection: { mode: 'async' },
      analysis: { notApplicable: { spof: 'Managed.', 'cost-incomplete': 'Free tier.' } },
    })
    expect(withMark(meta, 'spof', null)).toEqual({ connection: { mode: 'async' }, analysis: { notApplicable: {} } })
    expect(withMark({}, 'spof', 'Managed.')).toEqual({ analysis: { notApplicable: { spof: 'Managed.' } } })
  })

  it('refuses an empty or blank justification, with the reason', () => {
    expect(justificationProblem('   ')).toMatch(/Say why/)
    expect(justificationProblem('x'.repeat(501))).toMatch(/under 500/)
    expect(justificationProblem('A fifth member joins this week.')).toBeNull()
  })

  it('marks a finding on its shapes for every replica, and only the marker’s undo removes it', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    linkDocs(a.doc, b.doc)
    placeEnsemble(a.editor)
    a.binding.flush()
    await waitFor(() => b.store.has(ensemble), 'the ensemble to reach B')
    expect(evenEnsemble(b)).toMatchObject({ notApplicable: false, justification: null })

    setNotApplicable(a.editor, evenEnsemble(a), '  A fifth member joins this week. ')
    a.binding.flush()
    await waitFor(() => evenEnsemble(b).notApplicable, 'the mark to reach B')
    expect(evenEnsemble(b).justification).toBe('A fifth member joins this week.')

    // B's own undo has nothing of A's to revert: the mark stays.
    b.editor.undo()
    expect(evenEnsemble(b).notApplicable).toBe(true)

    a.editor.undo()
    for (const client of [a, b]) await waitFor(() => !evenEnsemble(client).notApplicable, 'the undo to reach every replica')
    expect(a.editor.getShape(ensemble as TLShapeId)).toBeDefined()
  })
})
