import type { Replica } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { distinctColors } from './authorColors.ts'

const replica = (clientId: number, color: string | null): Replica => ({
  connectionId: `c${clientId}`,
  nodeId: 'n1',
  clientId,
  protocol: 'hocuspocus',
  role: 'editor',
  user: color === null ? null : { name: `user ${clientId}`, color },
  status: 'online',
  latencyMs: 0,
  connectedAt: 0,
  report: null,
  lastSentAt: null,
  lastReceivedAt: null,
})

describe('replica colours', () => {
  it('use each user’s own colour, and never give two replicas the same one', () => {
    const colorOf = distinctColors([replica(1, '#E03131'), replica(2, '#e03131'), replica(3, '#2F9E44'), replica(4, null)])
    expect(colorOf(1)).toBe('#E03131')
    expect(colorOf(3)).toBe('#2F9E44')
    const all = [1, 2, 3, 4].map((id) => colorOf(id).toLowerCase())
    expect(new Set(all).size).toBe(4)
  })
})
