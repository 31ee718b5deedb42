import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { boardIdOfPath, YWebsocketBridge } from './y-websocket.ts'

function frame(address: string | null, ...parts: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  if (address !== null) encoding.writeVarString(encoder, address)
  for (const part of parts) encoding.writeVarUint(encoder, part)
  return encoding.toUint8Array(encoder)
}

function bridge() {
  const sent: Uint8Array[] = []
  const closes: Array<{ code?: number; reason?: string }> = []
  const socket = {
    readyState: 1,
    send: (data: Uint8Array) => sent.push(data),
    close: (code?: number, reason?: string) => closes.push({ code, reason }),
  }
  return { bridge: new YWebsocketBridge(socket, 'board:b1'), sent, closes }
}

describe('the y-websocket bridge', () => {
  it('passes sync, awareness and query-awareness frames to the client without the document name', () => {
    const { bridge: b, sent } = bridge()
    b.send(frame('board:b1', 0, 1, 0)) // sync step 2, empty
    b.send(frame('board:b1', 1, 0)) // awareness
    b.send(frame('board:b1', 3)) // query awareness
    expect(sent).toEqual([frame(null, 0, 1, 0), frame(null, 1, 0), frame(null, 3)])
  })

  it('keeps Hocuspocus-only frames from the client and closes the socket when the document connection ends', () => {
    const { bridge: b, sent, closes } = bridge()
    b.send(frame('board:b1', 8, 1)) // SyncStatus (acknowledgement)
    b.send(frame('board:b1', 2, 2)) // Auth: authenticated
    b.send(frame('board:b1', 5, 0)) // stateless
    expect(sent).toEqual([])
    b.send(frame('board:b1', 2, 1)) // Auth: permission denied
    b.send(frame('board:b1', 7, 0)) // CLOSE
    expect(closes.map((close) => close.code)).toEqual([4403, 4000])
  })

  it('addresses client frames to the board document and ignores types y-websocket clients do not send', () => {
    const { bridge: b } = bridge()
    expect(b.toHocuspocus(frame(null, 0, 0, 0))).toEqual(frame('board:b1', 0, 0, 0))
    expect(b.toHocuspocus(frame(null, 5, 0))).toEqual(frame('board:b1', 5, 0))
    expect(b.toHocuspocus(frame(null, 2, 0))).toBeNull()
    expect(b.toHocuspocus(frame(null, 7))).toBeNull()
    expect(b.toHocuspocus(new Uint8Array())).toBeNull()
  })

  it('reads the board id from /yws/<id> only', () => {
    expect(boardIdOfPath('/yws/abc')).toBe('abc')
    expect(boardIdOfPath('/yws/')).toBeNull()
    expect(boardIdOfPath('/yws/a/b')).toBeNull()
    expect(boardIdOfPath('/collab')).toBeNull()
    expect(boardIdOfPath('/yws/%E0')).toBeNull()
  })
})
