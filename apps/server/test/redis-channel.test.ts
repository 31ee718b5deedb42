import { EventEmitter } from 'node:events'
import type RedisClient from 'ioredis'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RedisChannel } from '../src/collab/redis-channel.ts'

/** An in-memory stand-in for Redis pub/sub: every subscribed client hears what is published on its channels. */
function fakeRedis() {
  const subscribed = new Map<EventEmitter, Set<string>>()
  const clients: EventEmitter[] = []
  const connect = (): RedisClient => {
    const client = new EventEmitter()
    Object.assign(client, {
      subscribe: async (channel: string) => {
        subscribed.set(client, (subscribed.get(client) ?? new Set()).add(channel))
      },
      publish: async (channel: string, message: string) => {
        for (const [subscriber, channels] of subscribed) if (channels.has(channel)) subscriber.emit('message', channel, message)
      },
      disconnect: () => subscribed.delete(client),
    })
    clients.push(client)
    return client as unknown as RedisClient
  }
  return { connect, clients, raw: connect() }
}

function logLines() {
  const lines: Array<{ msg: string; channel?: string }> = []
  return { lines, log: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) }
}

const schema = z.object({ boardId: z.string() })

describe('a typed Redis channel', () => {
  it('delivers the other nodes’ messages with their sender, and skips its own', async () => {
    const redis = fakeRedis()
    const { log } = logLines()
    const a = new RedisChannel({ name: 'test', schema, connect: redis.connect, node: 'node-a', log })
    const b = new RedisChannel({ name: 'test', schema, connect: redis.connect, node: 'node-b', log })
    const heardByA: Array<[unknown, string]> = []
    const heardByB: Array<[unknown, string]> = []
    a.onMessage((message, from) => heardByA.push([message, from]))
    b.onMessage((message, from) => heardByB.push([message, from]))
    await a.publish({ boardId: 'x' })
    expect(heardByB).toEqual([[{ boardId: 'x' }, 'node-a']])
    expect(heardByA).toEqual([])
  })

  it('ignores and logs a message that does not match its schema or names no sender', async () => {
    const redis = fakeRedis()
    const { lines, log } = logLines()
    const channel = new RedisChannel({ name: 'test', schema, connect: redis.connect, node: 'node-a', log })
    const heard: unknown[] = []
    channel.onMessage((message) => heard.push(message))
    for (const raw of ['not json', JSON.stringify({ boardId: 'x' }), JSON.stringify({ node: 'node-b', boardId: 7 })]) {
      await redis.raw.publish('test', raw)
    }
    await redis.raw.publish('test', JSON.stringify({ node: 'node-b', boardId: 'y' }))
    expect(heard).toEqual([{ boardId: 'y' }])
    expect(lines.filter((line) => line.msg === 'ignored a malformed message on a Redis channel')).toHaveLength(3)
  })

  it('announces each resubscription after the first, when messages may have been missed', () => {
    const redis = fakeRedis()
    const { log } = logLines()
    const channel = new RedisChannel({ name: 'test', schema, connect: redis.connect, node: 'node-a', log })
    let resubscribed = 0
    channel.onResubscribed(() => resubscribed++)
    const subscriber = redis.clients.at(-1)!
    subscriber.emit('ready')
    expect(resubscribed).toBe(0)
    subscriber.emit('ready')
    subscriber.emit('ready')
    expect(resubscribed).toBe(2)
  })
})
