import { createShapeId, type RecordsDiff, type TLRecord } from 'tldraw'
import { describe, expect, it, vi } from 'vitest'
import { openBoardClient } from '../test/boardClient.ts'
import { affectsAnalysis } from './analysisTriggers.ts'
import { createLiveAnalysis } from './liveAnalysis.ts'

const api = createShapeId('api')

describe('the live analysis', () => {
  it('follows the editor’s design changes within 100 ms, never inside the change', () => {
    const { editor } = openBoardClient({ seed: true })
    // Fake clocks (timers and animation frames): the deadline is checked exactly, whatever the machine's load.
    vi.useFakeTimers()
    try {
      const live = createLiveAnalysis(editor)
      expect(live.result.get().summary.components).toBe(0)
      editor.createShape({ id: api, type: 'component', x: 0, y: 0, props: { kind: 'stateless-service', name: 'API', w: 180, h: 100, properties: {}, rationale: {} } } as never)
      // Not analysed synchronously with the change: the input path does not wait for it.
      expect(live.result.get().summary.components).toBe(0)
      vi.advanceTimersByTime(100)
      expect(live.result.get().summary.components).toBe(1)

      editor.updateShape({ id: api, type: 'component', props: { properties: { instanceAvailability: 99.5 } } } as never)
      vi.advanceTimersByTime(100)
      expect(live.result.get().entries[0]?.availability).toBe(0.995)
      live.dispose()
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts props, meta, parents, bindings and added or removed shapes as changes, not moves', () => {
    const { editor } = openBoardClient({ seed: true })
    editor.createShape({ id: api, type: 'component', x: 0, y: 0, props: { kind: 'stateless-service', name: 'API', w: 180, h: 100, properties: {}, rationale: {} } } as never)
    const before = editor.getShape(api)!
    const diff = (to: TLRecord): RecordsDiff<TLRecord> => ({ added: {}, removed: {}, updated: { [before.id]: [before, to] } })
    expect(affectsAnalysis(diff({ ...before, x: 500, y: 20, index: 'a9' as never }))).toBe(false)
    expect(affectsAnalysis(diff({ ...before, props: { ...before.props } } as TLRecord))).toBe(false)
    expect(affectsAnalysis(diff({ ...before, props: { ...before.props, properties: { replicasDesired: 3 } } } as TLRecord))).toBe(true)
    expect(affectsAnalysis(diff({ ...before, meta: { analysis: { notApplicable: { spof: 'Managed.' } } } }))).toBe(true)
    expect(affectsAnalysis(diff({ ...before, parentId: createShapeId('zone') }))).toBe(true)
    expect(affectsAnalysis({ added: { [before.id]: before }, removed: {}, updated: {} })).toBe(true)
    const camera = editor.getCamera()
    expect(affectsAnalysis({ added: {}, removed: {}, updated: { [camera.id]: [camera, { ...camera, x: 10 }] } })).toBe(false)
  })
})
