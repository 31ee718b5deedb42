/** A box to place: its id and size. */
export interface LayoutBox {
  id: string
  w: number
  h: number
}

/** Space between layers: room for an edge's label. */
const LAYER_GAP = 120
/** Space between boxes of one layer. */
const ROW_GAP = 60

/**
 * Layers by edge direction: each box one layer after the furthest box with an edge into it, edges
 * that close a cycle (found depth first, in the boxes' order) left out. Returns each box's layer.
 */
function layers(boxes: readonly LayoutBox[], edges: ReadonlyArray<readonly [string, string]>): Map<string, number> {
  const out = new Map<string, string[]>(boxes.map((box) => [box.id, []]))
  for (const [from, to] of edges) if (from !== to && out.has(from) && out.has(to)) out.get(from)!.push(to)
  // Depth first: an edge to a box still on the stack closes a cycle.
  const state = new Map<string, 'open' | 'done'>()
  const forward: Array<[string, string]> = []
  const visit = (id: string) => {
    state.set(id, 'open')
    for (const to of out.get(id)!) {
      if (state.get(to) === 'open') continue
      forward.push([id, to])
      if (!state.has(to)) visit(to)
    }
    state.set(id, 'done')
  }
  for (const box of boxes) if (!state.has(box.id)) visit(box.id)
  // Longest path over the acyclic edges: at most one pass per box.
  const layer = new Map(boxes.map((box) => [box.id, 0]))
  for (let changed = true, pass = 0; changed && pass <= boxes.length; pass++) {
    changed = false
    for (const [from, to] of forward) {
      if (layer.get(to)! <= layer.get(from)!) {
        layer.set(to, layer.get(from)! + 1)
        changed = true
      }
    }
  }
  return layer
}

/**
 * A layered layout of `boxes` in the flowchart direction (`LR`, `RL`, `TB`/`TD`, `BT`): layers
 * follow the edges, boxes of a layer stack across it in the given order, each layer centred on
 * the widest. Returns top-left corners (from 0, 0) and the size of the whole.
 */
export function layeredLayout(
  boxes: readonly LayoutBox[],
  edges: ReadonlyArray<readonly [string, string]>,
  direction: string,
): { positions: Map<string, { x: number; y: number }>; size: { w: number; h: number } } {
  const horizontal = direction === 'LR' || direction === 'RL'
  const reversed = direction === 'RL' || direction === 'BT'
  const layerOf = layers(boxes, edges)
  const count = boxes.length === 0 ? 0 : Math.max(...layerOf.values()) + 1
  const byLayer: LayoutBox[][] = Array.from({ length: count }, () => [])
  for (const box of boxes) byLayer[layerOf.get(box.id)!]!.push(box)
  // Along: the axis layers follow; across: the axis a layer's boxes stack on.
  const along = (box: LayoutBox) => (horizontal ? box.w : box.h)
  const across = (box: LayoutBox) => (horizontal ? box.h : box.w)
  const depth = byLayer.map((members) => Math.max(0, ...members.map(along)))
  const breadth = byLayer.map((members) => members.reduce((sum, box) => sum + across(box), 0) + ROW_GAP * Math.max(0, members.length - 1))
  const totalAlong = depth.reduce((sum, d) => sum + d, 0) + LAYER_GAP * Math.max(0, count - 1)
  const totalAcross = Math.max(0, ...breadth)
  const positions = new Map<string, { x: number; y: number }>()
  let start = 0
  byLayer.forEach((members, index) => {
    let offset = (totalAcross - breadth[index]!) / 2
    for (const box of members) {
      const a = start + (depth[index]! - along(box)) / 2
      const at = reversed ? totalAlong - a - along(box) : a
      positions.set(box.id, horizontal ? { x: at, y: offset } : { x: offset, y: at })
      offset += across(box) + ROW_GAP
    }
    start += depth[index]! + LAYER_GAP
  })
  return { positions, size: horizontal ? { w: totalAlong, h: totalAcross } : { w: totalAcross, h: totalAlong } }
}
