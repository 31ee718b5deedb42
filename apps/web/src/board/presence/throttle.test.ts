import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttle } from './throttle.ts'

describe('presence throttle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends a 60 Hz stream of changes at about 12 Hz and always delivers the last one', () => {
    const sent: number[] = []
    let latest = 0
    const send = throttle(() => sent.push(latest), 80)
    // One second of pointer moves, one per animation frame.
    for (let frame = 1; frame <= 60; frame++) {
      latest = frame
      send.call()
      vi.advanceTimersByTime(1000 / 60)
    }
    vi.runAllTimers()
    expect(sent.length).toBeGreaterThanOrEqual(10)
    expect(sent.length).toBeLessThanOrEqual(14)
    expect(sent.at(-1)).toBe(60)
    expect(sent[0]).toBe(1)
  })

  it('sends nothing after cancel', () => {
    const fn = vi.fn<() => void>()
    const send = throttle(fn, 80)
    send.call()
    send.call()
    send.cancel()
    vi.runAllTimers()
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
