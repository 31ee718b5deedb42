import type { ThreadAnchor } from '@concord/shared'
import type { TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { createHeadlessEditor, createTestStore } from '../test/headlessEditor.ts'
import { anchorKey, anchorNames } from './anchorNames.ts'

describe('anchor names of a received review', () => {
  it('name a comment’s component and property as the board’s review does, not their kind', () => {
    const store = createTestStore()
    const editor = createHeadlessEditor(store)
    editor.createShape({
      id: 'shape:db' as TLShapeId,
      type: 'component',
      props: { kind: 'relational-db', name: 'Orders DB', w: 180, h: 100, properties: {}, rationale: {} },
    })
    editor.dispose()
    const anchors: ThreadAnchor[] = [
      { kind: 'property', shapeId: 'shape:db', property: 'properties.consistency' },
      { kind: 'shape', shapeId: 'shape:db' },
      { kind: 'shape', shapeId: 'shape:gone' },
      { kind: 'point', pageId: 'page:page', x: 1, y: 2 },
    ]
    const names = anchorNames(store, anchors)
    expect(anchors.map((anchor) => names.get(anchorKey(anchor)))).toEqual([
      'Orders DB (Replicated relational DB) · Consistency model',
      'Orders DB (Replicated relational DB)',
      'Deleted component',
      'Point on the canvas',
    ])
  })
})
