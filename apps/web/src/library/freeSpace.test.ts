import { describe, expect, it } from 'vitest'
import { freeSpotNear, PLACEMENT_GAP, spotBeside, type Rect } from './freeSpace.ts'

const size = { w: 180, h: 100 }
const boxAt = (spot: { x: number; y: number }): Rect => ({ x: spot.x - size.w / 2, y: spot.y - size.h / 2, ...size })
const touches = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('free space for a new shape', () => {
  it('takes the centre when it is free', () => {
    expect(freeSpotNear({ x: 10, y: 20 }, size, [])).toEqual({ x: 10, y: 20 })
  })

  it('places shape after shape near the centre, never on one another, inside the view', () => {
    const view: Rect = { x: -600, y: -400, w: 1200, h: 800 }
    const placed: Rect[] = []
    for (let i = 0; i < 8; i++) placed.push(boxAt(freeSpotNear({ x: 0, y: 0 }, size, placed, view)))
    for (const [i, a] of placed.entries()) {
      expect(a.x >= view.x && a.y >= view.y && a.x + a.w <= view.x + view.w && a.y + a.h <= view.y + view.h).toBe(true)
      for (const b of placed.slice(i + 1)) expect(touches(a, b)).toBe(false)
    }
    // The second one sits right next to the first, one gap away.
    expect(Math.abs(placed[1]!.x - placed[0]!.x) + Math.abs(placed[1]!.y - placed[0]!.y)).toBeLessThanOrEqual(size.w + PLACEMENT_GAP)
  })

  it('puts a group to the right of what is on the page, vertically centred on it', () => {
    const occupied: Rect[] = [
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 50, y: 300, w: 200, h: 100 },
    ]
    const spot = spotBeside(occupied, { w: 400, h: 300 }, { x: 0, y: 0 })
    expect(spot.x - 200).toBeGreaterThan(250)
    expect(spot.y).toBe(200)
    expect(spotBeside([], { w: 400, h: 300 }, { x: 7, y: 8 })).toEqual({ x: 7, y: 8 })
  })
})
