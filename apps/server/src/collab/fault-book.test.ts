import { describe, expect, it } from 'vitest'
import { FaultBook, faultVerdict } from './fault-book.ts'

describe('fault book', () => {
  it('partitions, adds latency and heals one replica; only a healed partition asks for a resync', () => {
    const book = new FaultBook()
    expect(book.apply({ op: 'latency', clientId: 7, ms: 300 }, 1)).toEqual({ changed: [7], resync: [] })
    expect(book.get(7)).toEqual({ clientId: 7, partitioned: false, latencyMs: 300, since: 1 })
    expect(book.apply({ op: 'partition', clientId: 7 }, 2)).toEqual({ changed: [7], resync: [] })
    expect(book.get(7)).toEqual({ clientId: 7, partitioned: true, latencyMs: 300, since: 2 })
    expect(book.apply({ op: 'heal', clientId: 7 }, 3)).toEqual({ changed: [7], resync: [7] })
    expect(book.get(7)).toBeUndefined()
    expect(book.isEmpty).toBe(true)

    book.apply({ op: 'latency', clientId: 8, ms: 100 }, 4)
    expect(book.apply({ op: 'heal', clientId: 8 }, 5)).toEqual({ changed: [8], resync: [] })
  })

  it('reports no change for commands that change nothing', () => {
    const book = new FaultBook()
    expect(book.apply({ op: 'heal', clientId: 1 }, 1).changed).toEqual([])
    expect(book.apply({ op: 'latency', clientId: 1, ms: 0 }, 1).changed).toEqual([])
    book.apply({ op: 'partition', clientId: 1 }, 1)
    expect(book.apply({ op: 'partition', clientId: 1 }, 2).changed).toEqual([])
    expect(book.get(1)?.since).toBe(1)
  })

  it('latency 0 removes a latency-only fault but keeps a partition', () => {
    const book = new FaultBook()
    book.apply({ op: 'latency', clientId: 1, ms: 50 }, 1)
    book.apply({ op: 'latency', clientId: 1, ms: 0 }, 2)
    expect(book.get(1)).toBeUndefined()
    book.apply({ op: 'partition', clientId: 2 }, 3)
    book.apply({ op: 'latency', clientId: 2, ms: 50 }, 4)
    book.apply({ op: 'latency', clientId: 2, ms: 0 }, 5)
    expect(book.get(2)).toEqual({ clientId: 2, partitioned: true, latencyMs: 0, since: 5 })
  })

  it('heals all, resyncing exactly the partitioned replicas, in client order', () => {
    const book = new FaultBook()
    book.apply({ op: 'partition', clientId: 9 }, 1)
    book.apply({ op: 'latency', clientId: 3, ms: 10 }, 1)
    book.apply({ op: 'partition', clientId: 5 }, 1)
    expect(book.list().map((fault) => fault.clientId)).toEqual([3, 5, 9])
    const change = book.apply({ op: 'heal-all' }, 2)
    expect(change.changed.sort()).toEqual([3, 5, 9])
    expect(change.resync.sort()).toEqual([5, 9])
    expect(book.list()).toEqual([])
  })
})

describe('frame fate', () => {
  it('passes frames of healthy replicas, drops a partitioned one, delays by the latency', () => {
    expect(faultVerdict(undefined, 1000, 0)).toBeUndefined()
    expect(faultVerdict({ clientId: 1, partitioned: true, latencyMs: 0, since: 0 }, 1000, 0)).toEqual({ drop: true })
    expect(faultVerdict({ clientId: 1, partitioned: false, latencyMs: 250, since: 0 }, 1000, 0)).toEqual({ delayMs: 250 })
  })

  it('never lets a frame overtake one delayed earlier on the same path', () => {
    // A frame delayed until 1500 is still in flight when the latency drops to 100 ms.
    expect(faultVerdict({ clientId: 1, partitioned: false, latencyMs: 100, since: 0 }, 1000, 1500)).toEqual({ delayMs: 500 })
    // Healed, but the delayed frame is still ahead of it.
    expect(faultVerdict(undefined, 1000, 1500)).toEqual({ delayMs: 500 })
  })
})
