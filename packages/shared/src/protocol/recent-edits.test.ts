import { describe, expect, it } from 'vitest'
import { mergeEditSlices, recentEditCount, recordEdits, RECENT_EDITS_SLICE_MS, RECENT_EDITS_WINDOW_MS, type EditSlices } from './recent-edits.ts'

const start = 1_700_000_000_000

describe('recent edits', () => {
  it('counts edits per slice and forgets those older than the window', () => {
    let slices: EditSlices = []
    slices = recordEdits(slices, start)
    slices = recordEdits(slices, start + 1_000)
    slices = recordEdits(slices, start + 60_000, 3)
    expect(slices).toHaveLength(2)
    expect(recentEditCount(slices, start + 60_000)).toBe(5)
    // Five minutes on, the first two have left the window; the three a minute later have not.
    expect(recentEditCount(slices, start + RECENT_EDITS_WINDOW_MS + RECENT_EDITS_SLICE_MS)).toBe(3)
    expect(recentEditCount(slices, start + 60_000 + RECENT_EDITS_WINDOW_MS + RECENT_EDITS_SLICE_MS)).toBe(0)
  })

  it('keeps a busy hour to the slices of the window', () => {
    let slices: EditSlices = []
    for (let t = 0; t < 3_600_000; t += 125) slices = recordEdits(slices, start + t) // 8 writes a second, like a drag
    expect(slices.length).toBeLessThanOrEqual(RECENT_EDITS_WINDOW_MS / RECENT_EDITS_SLICE_MS + 1)
    expect(recentEditCount(slices, start + 3_600_000)).toBe(8 * (RECENT_EDITS_WINDOW_MS / 1000))
  })

  it('merges the server’s count before a client joined with the client’s since', () => {
    const server = recordEdits(recordEdits([], start), start + 20_000, 2)
    const client = recordEdits([], start + 25_000)
    const merged = mergeEditSlices(server, client, start + 30_000)
    expect(recentEditCount(merged, start + 30_000)).toBe(4)
    expect(merged.map((slice) => slice.at)).toEqual([...merged.map((slice) => slice.at)].sort((a, b) => a - b))
  })
})
