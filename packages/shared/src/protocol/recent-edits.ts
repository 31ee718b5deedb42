import { z } from 'zod'

/** How far back a board's "edits in the last minutes" reaches. */
export const RECENT_EDITS_WINDOW_MS = 5 * 60_000
/** Edits are counted per slice of this length, so a busy board's history stays a few dozen numbers. */
export const RECENT_EDITS_SLICE_MS = 10_000

/** Edits to a board counted per time slice, oldest first: `at` is the slice's start. */
export const editSlicesSchema = z
  .array(z.object({ at: z.number(), count: z.number().int().min(1) }))
  .max(Math.ceil(RECENT_EDITS_WINDOW_MS / RECENT_EDITS_SLICE_MS) + 1)
export type EditSlices = z.infer<typeof editSlicesSchema>

/**
 * Adds `count` edits made at `now`, dropping slices that have left the window. Called for every
 * update a server applies, so it only adds to the newest slice or starts the next one.
 */
export function recordEdits(slices: EditSlices, now: number, count = 1): EditSlices {
  const at = now - (now % RECENT_EDITS_SLICE_MS)
  const kept = slices[0] !== undefined && slices[0].at + RECENT_EDITS_SLICE_MS <= now - RECENT_EDITS_WINDOW_MS ? recentSlices(slices, now) : slices
  const last = kept.at(-1)
  if (last === undefined || last.at < at) return [...kept, { at, count }]
  // The clock went back (rare): merge, which keeps the slices in order.
  if (last.at > at) return mergeEditSlices(kept, [{ at, count }], now)
  return [...kept.slice(0, -1), { at, count: last.count + count }]
}

/** The slices still inside the window at `now`. */
export function recentSlices(slices: EditSlices, now: number): EditSlices {
  return slices.filter((slice) => slice.at + RECENT_EDITS_SLICE_MS > now - RECENT_EDITS_WINDOW_MS)
}

/** How many edits the window holds at `now`. */
export function recentEditCount(slices: EditSlices, now: number): number {
  return recentSlices(slices, now).reduce((sum, slice) => sum + slice.count, 0)
}

/** Two counts of one board's edits over separate times (the server's before a client joined, the client's since), as one. */
export function mergeEditSlices(a: EditSlices, b: EditSlices, now: number): EditSlices {
  const counts = new Map<number, number>()
  for (const slice of [...a, ...b]) counts.set(slice.at, (counts.get(slice.at) ?? 0) + slice.count)
  const merged = [...counts].map(([at, count]) => ({ at, count })).sort((x, y) => x.at - y.at)
  return recentSlices(merged, now)
}
