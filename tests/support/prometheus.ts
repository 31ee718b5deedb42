/** Cumulative bucket counts of one Prometheus histogram, by upper bound (`le`). */
export type Buckets = Map<number, number>

/** Reads the buckets of histogram `name` from a `/metrics` text. */
export function histogramBuckets(text: string, name: string): Buckets {
  const buckets: Buckets = new Map()
  const line = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm')
  for (const [, le, count] of text.matchAll(line)) buckets.set(le === '+Inf' ? Infinity : Number(le), Number(count))
  return buckets
}

/** Adds the counts of `more` into `total` (histograms of several server lifetimes). */
export function addBuckets(total: Buckets, more: Buckets): void {
  for (const [le, count] of more) total.set(le, (total.get(le) ?? 0) + count)
}

/**
 * The `q` quantile, interpolated linearly inside its bucket as Prometheus' `histogram_quantile`
 * does; `undefined` without observations. Precise only to the bucket bounds.
 */
export function quantile(buckets: Buckets, q: number): number | undefined {
  const bounds = [...buckets.keys()].sort((a, b) => a - b)
  const total = buckets.get(Infinity) ?? 0
  if (total === 0) return undefined
  const rank = q * total
  let lower = 0
  let below = 0
  for (const bound of bounds) {
    const count = buckets.get(bound)!
    if (count >= rank) {
      if (bound === Infinity) return lower
      return lower + ((bound - lower) * (rank - below)) / Math.max(count - below, 1)
    }
    lower = bound
    below = count
  }
  return lower
}

/** The value of an unlabelled gauge or counter `name` in a `/metrics` text; `undefined` when absent. */
export function metricValue(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)
  return match ? Number(match[1]) : undefined
}
