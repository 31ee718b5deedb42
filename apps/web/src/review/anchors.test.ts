import type { TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { createHeadlessEditor, createTestStore } from '../test/headlessEditor.ts'
import { describeAnchor } from './anchors.ts'

describe('anchor names', () => {
  it('are cut in the panel and whole in the Markdown export', () => {
    const editor = createHeadlessEditor(createTestStore())
    editor.createShape({
      id: 'shape:kv' as TLShapeId,
      type: 'component',
      props: { kind: 'kv-store', name: 'Shopping cart store', w: 180, h: 100, properties: {}, rationale: {} },
    })
    const anchor = { kind: 'property', shapeId: 'shape:kv', property: 'properties.consistency' } as const
    expect(describeAnchor(editor, anchor)).toMatch(/…/)
    expect(describeAnchor(editor, anchor, { full: true })).toMatch(/^Shopping cart store \(Dynamo-style key-value store\) · /)
  })
})
