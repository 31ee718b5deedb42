import { describe, expect, it } from 'vitest'
import { parseStateless, statelessClientMessageSchema, statelessServerMessageSchema } from './stateless.ts'

describe('stateless messages', () => {
  it('parse by channel, ignore other senders and name what is wrong', () => {
    expect(parseStateless(statelessClientMessageSchema, '{"channel":"lab","type":"subscribe"}')).toEqual({ channel: 'lab', type: 'subscribe' })
    expect(parseStateless(statelessClientMessageSchema, '{"type":"chat"}')).toBeNull()
    expect(parseStateless(statelessClientMessageSchema, 'not json')).toBeNull()
    const bad = parseStateless(statelessClientMessageSchema, JSON.stringify({ channel: 'lab', type: 'fault', command: { op: 'latency', clientId: 1, ms: -5 } }))
    expect(bad).toMatchObject({ channel: 'lab', type: 'invalid', reason: expect.any(String) })
  })

  it('parse the server’s board messages', () => {
    expect(parseStateless(statelessServerMessageSchema, '{"channel":"board","type":"audience","viewers":3}')).toEqual({ channel: 'board', type: 'audience', viewers: 3 })
    expect(parseStateless(statelessServerMessageSchema, '{"channel":"board","type":"versions"}')).toEqual({ channel: 'board', type: 'versions' })
  })
})
