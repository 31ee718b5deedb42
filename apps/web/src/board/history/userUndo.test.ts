import { createShapeId, toRichText, type Editor, type TLGeoShape, type TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { documentRecords, openBoardClient, type BoardClient } from '../../test/boardClient.ts'
import { createHeadlessEditor, createTestStore } from '../../test/headlessEditor.ts'
import { linkDocs } from '../../test/linkedDocs.ts'
import { waitFor } from '../../test/waitFor.ts'

/** A user action as tldraw's UI performs it: a history stopping point, then the change. */
function act(editor: Editor, change: (editor: Editor) => void): void {
  editor.markHistoryStoppingPoint()
  change(editor)
}

async function twoLinkedClients(): Promise<[BoardClient, BoardClient]> {
  const a = openBoardClient({ seed: true })
  const b = openBoardClient()
  linkDocs(a.doc, b.doc)
  return [a, b]
}

const box = createShapeId('box')

async function sharedBox(a: BoardClient, b: BoardClient): Promise<void> {
  act(a.editor, (e) => e.createShape({ id: box, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } }))
  a.binding.flush()
  await waitFor(() => b.store.has(box), 'the box to reach B')
}

describe('per-user undo', () => {
  it('undoes only the local user’s edit: A’s undo moves the box back and keeps B’s later colour', async () => {
    const [a, b] = await twoLinkedClients()
    await sharedBox(a, b)

    act(a.editor, (e) => e.updateShape({ id: box, type: 'geo', x: 300 }))
    a.binding.flush()
    await waitFor(() => b.editor.getShape(box)?.x === 300, 'A’s move to reach B')
    act(b.editor, (e) => e.updateShape({ id: box, type: 'geo', props: { color: 'red' } }))
    b.binding.flush()
    await waitFor(() => a.editor.getShape<TLGeoShape>(box)?.props.color === 'red', 'B’s colour to reach A')

    expect(a.editor.getCanUndo()).toBe(true)
    a.editor.undo()
    for (const client of [a, b]) {
      await waitFor(() => client.editor.getShape(box)?.x === 0, 'the undo to reach every replica')
      expect(client.editor.getShape<TLGeoShape>(box)?.props.color).toBe('red')
    }

    expect(a.editor.getCanRedo()).toBe(true)
    a.editor.redo()
    for (const client of [a, b]) {
      await waitFor(() => client.editor.getShape(box)?.x === 300, 'the redo to reach every replica')
      expect(client.editor.getShape<TLGeoShape>(box)?.props.color).toBe('red')
    }

    // B's undo reverts B's colour and leaves A's move alone.
    b.editor.undo()
    for (const client of [a, b]) {
      await waitFor(() => client.editor.getShape<TLGeoShape>(box)?.props.color === 'black', 'B’s undo to reach every replica')
      expect(client.editor.getShape(box)?.x).toBe(300)
    }
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
  })

  it('never reverts a peer’s later write to the same field', async () => {
    const [a, b] = await twoLinkedClients()
    await sharedBox(a, b)
    act(a.editor, (e) => e.updateShape({ id: box, type: 'geo', x: 300 }))
    a.binding.flush()
    await waitFor(() => b.editor.getShape(box)?.x === 300, 'A’s move to reach B')
    act(b.editor, (e) => e.updateShape({ id: box, type: 'geo', x: 500 }))
    b.binding.flush()
    await waitFor(() => a.editor.getShape(box)?.x === 500, 'B’s move to reach A')

    // A's move was superseded: its undo step passes without effect, and the box stays.
    a.editor.undo()
    expect(a.editor.getShape(box)?.x).toBe(500)
    expect(b.editor.getShape(box)?.x).toBe(500)
    // The next step back is A's own creation of the box.
    a.editor.undo()
    await waitFor(() => !b.store.has(box), 'A’s second undo to remove the box on B')
    expect(a.store.has(box)).toBe(false)
  })

  it('restores a deleted shape together with the arrow bindings the delete removed, on every replica', async () => {
    const [a, b] = await twoLinkedClients()
    const left = createShapeId('left')
    const right = createShapeId('right')
    const arrow = createShapeId('arrow')
    act(a.editor, (e) => {
      e.createShapes([
        { id: left, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } },
        { id: right, type: 'geo', x: 400, y: 0, props: { w: 100, h: 100 } },
        { id: arrow, type: 'arrow', x: 100, y: 50, props: { start: { x: 0, y: 0 }, end: { x: 300, y: 0 } } },
      ])
      e.createBindings([
        { type: 'arrow', fromId: arrow, toId: left, props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
        { type: 'arrow', fromId: arrow, toId: right, props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false } },
      ])
    })
    a.binding.flush()
    await waitFor(() => b.editor.getBindingsFromShape(arrow, 'arrow').length === 2, 'the bound arrow to reach B')
    const before = documentRecords(a.store)

    act(a.editor, (e) => e.deleteShape(right))
    a.binding.flush()
    await waitFor(() => !b.store.has(right), 'the delete to reach B')
    expect(b.editor.getBindingsFromShape(arrow, 'arrow')).toHaveLength(1)

    a.editor.undo()
    for (const client of [a, b]) {
      await waitFor(() => client.editor.getBindingsFromShape(arrow, 'arrow').length === 2, 'the bindings to come back')
      expect(client.store.has(right)).toBe(true)
    }
    expect(documentRecords(a.store)).toEqual(before)
    expect(documentRecords(b.store)).toEqual(before)
  })

  it('brings back a deleted shape whole even when a peer changed it concurrently with the delete', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    const link = linkDocs(a.doc, b.doc)
    await sharedBox(a, b)
    link.pause()
    act(a.editor, (e) => e.deleteShape(box))
    act(b.editor, (e) => e.updateShape({ id: box, type: 'geo', x: 640, props: { color: 'blue' } }))
    a.binding.flush()
    b.binding.flush()
    link.flush()
    await waitFor(() => !b.store.has(box), 'the delete to win on B')

    // The peer's values died with the record; the undo restores A's last version, complete.
    a.editor.undo()
    for (const client of [a, b]) {
      await waitFor(() => client.store.has(box), 'the box to come back everywhere')
      expect(client.editor.getShape<TLGeoShape>(box)).toMatchObject({ x: 0, props: { color: 'black', w: 100 } })
    }
    a.binding.stop()
    b.binding.stop()
    expect([...a.rejected, ...b.rejected]).toEqual([])
  })

  it('undoes and redoes create, move, resize, style, text and delete exactly as plain tldraw does', () => {
    const bound = openBoardClient({ seed: true })
    const plain = createHeadlessEditor(createTestStore())
    const id: TLShapeId = createShapeId('subject')
    const steps: Array<(editor: Editor) => void> = [
      (e) => e.createShape({ id, type: 'geo', x: 40, y: 40, props: { w: 120, h: 80 } }),
      (e) => e.updateShape({ id, type: 'geo', x: 260, y: 180 }),
      (e) => e.resizeShape(id, { x: 2, y: 1.5 }),
      (e) => e.updateShape({ id, type: 'geo', props: { color: 'green', fill: 'solid', dash: 'dashed' } }),
      (e) => e.updateShape({ id, type: 'geo', props: { richText: toRichText('Primary database') } }),
      (e) => e.updateShape({ id, type: 'geo', props: { richText: toRichText('Primary database (leader)') } }),
      (e) => e.deleteShape(id),
    ]
    expect(bound.editor.getCanUndo()).toBe(false)
    const snapshots = [documentRecords(plain.store)]
    for (const step of steps) {
      act(bound.editor, step)
      act(plain, step)
      snapshots.push(documentRecords(plain.store))
      expect(documentRecords(bound.store)).toEqual(snapshots.at(-1))
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      bound.editor.undo()
      plain.undo()
      expect(documentRecords(plain.store)).toEqual(snapshots[i])
      expect(documentRecords(bound.store)).toEqual(snapshots[i])
    }
    expect(bound.editor.getCanUndo()).toBe(false)
    for (let i = 1; i <= steps.length; i++) {
      bound.editor.redo()
      plain.redo()
      expect(documentRecords(bound.store)).toEqual(snapshots[i])
    }
    expect(bound.editor.getCanRedo()).toBe(false)
    plain.dispose()
  })

  it('a new edit after an undo clears the redo stack, as in tldraw', async () => {
    const client = openBoardClient({ seed: true })
    act(client.editor, (e) => e.createShape({ id: box, type: 'geo', x: 0, y: 0 }))
    act(client.editor, (e) => e.updateShape({ id: box, type: 'geo', x: 100 }))
    client.editor.undo()
    expect(client.editor.getCanRedo()).toBe(true)
    act(client.editor, (e) => e.updateShape({ id: box, type: 'geo', y: 100 }))
    client.binding.flush()
    expect(client.editor.getCanRedo()).toBe(false)
  })
})
