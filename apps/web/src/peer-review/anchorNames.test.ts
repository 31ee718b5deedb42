import type { ThreadAnchor } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { ORDERS_DB, storeWithOrdersDb } from '../test/ordersDb.ts'
import { anchorKey, anchorNames } from './anchorNames.ts'

describe('anchor names of a received review', () => {
  it('name a comment’s component and property as the board’s review does, not their kind', () => {
    const anchors: ThreadAnchor[] = [
      { kind: 'property', shapeId: ORDERS_DB, property: 'properties.consistency' },
      { kind: 'shape', shapeId: ORDERS_DB },
      { kind: 'shape', shapeId: 'shape:gone' },
      { kind: 'point', pageId: 'page:page', x: 1, y: 2 },
    ]
    const names = anchorNames(storeWithOrdersDb(), anchors)
    expect(anchors.map((anchor) => names.get(anchorKey(anchor)))).toEqual([
      'Orders DB (Replicated relational DB) · Consistency model',
      'Orders DB (Replicated relational DB)',
      'Deleted component',
      'Point on the canvas',
    ])
  })
})
