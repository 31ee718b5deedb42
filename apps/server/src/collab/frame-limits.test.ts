import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { POLICY_VIOLATION, SocketFrameLimiter, type FrameLimits } from './frame-limits.ts'

const LIMITS: FrameLimits = { awarenessPerSecond: 3, messagesPerSecond: 20, unknownTypes: 2 }

function frame(type: number, body: number, address = 'board:x'): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, address)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint(encoder, body)
  return encoding.toUint8Array(encoder)
}

function limiter() {
  const delivered: Uint8Array[] = []
  const closed: Array<{ code: number; reason: string }> = []
  const socket = new SocketFrameLimiter(LIMITS, true, {
    deliver: (bytes) => delivered.push(bytes),
    closeOverLimit: (code, reason) => closed.push({ code, reason }),
  })
  return { socket, delivered, closed }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the socket frame limiter', () => {
  it('passes awareness up to the rate, then sends only the newest waiting update when the second ends', () => {
    vi.useFakeTimers()
    const { socket, delivered } = limiter()
    for (let n = 0; n < 10; n++) socket.accept(frame(1, n))
    expect(delivered).toEqual([frame(1, 0), frame(1, 1), frame(1, 2)])
    vi.advanceTimersByTime(1000)
    expect(delivered).toEqual([frame(1, 0), frame(1, 1), frame(1, 2), frame(1, 9)])
    socket.dispose()
  })

  it('counts awareness per document, and passes sync frames whatever the awareness rate', () => {
    const { socket, delivered } = limiter()
    for (let n = 0; n < 5; n++) socket.accept(frame(1, n, 'board:a'))
    for (let n = 0; n < 5; n++) socket.accept(frame(1, n, 'board:b'))
    socket.accept(frame(0, 7, 'board:a'))
    expect(delivered).toHaveLength(7)
    expect(delivered.at(-1)).toEqual(frame(0, 7, 'board:a'))
    socket.dispose()
  })

  it('closes the socket above the hard rate and ignores what follows', () => {
    const { socket, delivered, closed } = limiter()
    for (let n = 0; n < 30; n++) socket.accept(frame(0, n))
    expect(delivered).toHaveLength(20)
    expect(closed).toEqual([{ code: POLICY_VIOLATION, reason: 'too many messages' }])
  })

  it('drops frames of unknown types and closes the socket after a few', () => {
    const { socket, delivered, closed } = limiter()
    socket.accept(frame(42, 0))
    socket.accept(frame(42, 0))
    expect(closed).toEqual([])
    socket.accept(frame(42, 0))
    expect(delivered).toEqual([])
    expect(closed).toEqual([{ code: POLICY_VIOLATION, reason: 'unknown message type' }])
  })
})
