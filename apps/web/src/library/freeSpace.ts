/** An axis-aligned box in page space. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Space kept between a new shape and the ones already there. */
export const PLACEMENT_GAP = 24

const RINGS = 12

/**
 * Where a box of `size` can go near `center` without touching any of `occupied` (with a gap):
 * the centre itself when free, else the nearest free spot on a grid of rings around it, the
 * spots inside `preferWithin` (the view) first. Returns the centre of the chosen box.
 */
export function freeSpotNear(
  center: { x: number; y: number },
  size: { w: number; h: number },
  occupied: readonly Rect[],
  preferWithin?: Rect,
): { x: number; y: number } {
  const stepX = size.w + PLACEMENT_GAP
  const stepY = size.h + PLACEMENT_GAP
  const candidates: Array<{ x: number; y: number; distance: number }> = []
  for (let ring = 0; ring <= RINGS; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
        const x = center.x + i * stepX
        const y = center.y + j * stepY
        candidates.push({ x, y, distance: Math.hypot(i * stepX, j * stepY) })
      }
    }
  }
  candidates.sort((a, b) => a.distance - b.distance)
  const box = (spot: { x: number; y: number }): Rect => ({ x: spot.x - size.w / 2, y: spot.y - size.h / 2, w: size.w, h: size.h })
  const free = candidates.filter((spot) => !occupied.some((rect) => overlaps(box(spot), rect, PLACEMENT_GAP)))
  const inView = preferWithin ? free.find((spot) => contains(preferWithin, box(spot))) : undefined
  const spot = inView ?? free[0] ?? center
  return { x: spot.x, y: spot.y }
}

/**
 * Where a group of `size` goes beside what is already on the page (`occupied`): to the right of
 * it, vertically centred on it, or at `fallback` on an empty page. Returns the group's centre.
 */
export function spotBeside(occupied: readonly Rect[], size: { w: number; h: number }, fallback: { x: number; y: number }): { x: number; y: number } {
  if (occupied.length === 0) return fallback
  const right = Math.max(...occupied.map((rect) => rect.x + rect.w))
  const top = Math.min(...occupied.map((rect) => rect.y))
  const bottom = Math.max(...occupied.map((rect) => rect.y + rect.h))
  return { x: right + PLACEMENT_GAP * 4 + size.w / 2, y: (top + bottom) / 2 }
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}
