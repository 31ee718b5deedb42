import { Hocuspocus, type Connection, type Extension } from '@hocuspocus/server'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { guardUnawaitedHooks } from '../src/collab/hook-guard.ts'

function fakeConnection() {
  const closes: Array<{ code: number; reason: string }> = []
  return { closes, connection: { socketId: 's1', close: (event: { code: number; reason: string }) => closes.push(event) } as unknown as Connection }
}

describe('guardUnawaitedHooks', () => {
  const failing: Extension = {
    extensionName: 'failing',
    async onStateless() {
      throw new Error('disk full')
    },
  }

  it('turns a throwing onStateless into a closed connection instead of a rejection that ends the process', async () => {
    const hocuspocus = new Hocuspocus({ quiet: true, extensions: guardUnawaitedHooks([{ ...failing }], pino({ level: 'silent' })) })
    const { closes, connection } = fakeConnection()
    await expect(hocuspocus.hooks('onStateless', { connection, documentName: 'board:x', payload: '{}' } as never)).resolves.not.toThrow()
    expect(closes).toEqual([{ code: 1011, reason: 'server error' }])
  })

  it('unguarded, the same hook rejects (what Hocuspocus leaves unhandled)', async () => {
    const hocuspocus = new Hocuspocus({ quiet: true, extensions: [{ ...failing }] })
    const { connection } = fakeConnection()
    await expect(hocuspocus.hooks('onStateless', { connection, documentName: 'board:x', payload: '{}' } as never)).rejects.toThrow('disk full')
  })

  it('lets a message-less rejection through: Hocuspocus uses it to stop later hooks', async () => {
    const stopping: Extension = { extensionName: 'stopping', onStateless: () => Promise.reject({}) }
    const hocuspocus = new Hocuspocus({ quiet: true, extensions: guardUnawaitedHooks([stopping], pino({ level: 'silent' })) })
    const { closes, connection } = fakeConnection()
    await expect(hocuspocus.hooks('onStateless', { connection, documentName: 'board:x', payload: '{}' } as never)).rejects.toEqual({})
    expect(closes).toEqual([])
  })
})
