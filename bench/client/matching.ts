import type { Column } from './growable.ts'
import { HISTOGRAM_BUCKETS, HISTOGRAM_STEP_MS, type KindAnalysis, type SendTable } from './messages.ts'

/**
 * Matches receptions to the sends they carry. A reception covers the keys [key, key + length)
 * (a document update can carry several sends of one author merged); `sends.keys` is sorted.
 */
export function measure(sends: SendTable, keys: Column, lengths: Column | undefined, times: Column): KindAnalysis {
  const counts = new Uint32Array(sends.keys.length)
  const lastReceive = new Float64Array(sends.keys.length)
  const histogram = new Uint32Array(HISTOGRAM_BUCKETS)
  for (let index = 0; index < keys.length; index++) {
    const from = keys.at(index)
    const to = from + (lengths ? lengths.at(index) : 1)
    const time = times.at(index)
    for (let send = lowerBound(sends.keys, from); send < sends.keys.length && sends.keys[send]! < to; send++) {
      counts[send]!++
      if (time > lastReceive[send]!) lastReceive[send] = time
      const bucket = Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor((time - sends.times[send]!) / HISTOGRAM_STEP_MS)))
      histogram[bucket]!++
    }
  }
  return { counts, lastReceive, histogram }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
