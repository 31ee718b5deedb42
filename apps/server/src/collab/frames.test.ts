import { MessageType } from '@hocuspocus/server'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { messageYjsUpdate } from 'y-protocols/sync'
import { authAnswerOf, AuthMessageType, broadcastTypeOf, messageTypeOf, readFrameHeader, readSyncUpdate } from './frames.ts'

function frame(address: string | null, ...parts: Array<number | Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder()
  if (address !== null) encoding.writeVarString(encoder, address)
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

describe('frames', () => {
  it('read the message type after the address, or of an unprefixed frame', () => {
    const name = 'board:é'.repeat(30) // a long multi-byte address: a two-byte length
    expect(messageTypeOf(frame(name, MessageType.SyncStatus, 1))).toBe(MessageType.SyncStatus)
    expect(messageTypeOf(frame(null, MessageType.Awareness), false)).toBe(MessageType.Awareness)
    const header = readFrameHeader(frame(name, MessageType.Awareness, 7))!
    expect(header.type).toBe(MessageType.Awareness)
    expect(new TextDecoder().decode(frame(name, 0).subarray(header.addressStart, header.addressEnd))).toBe(name)
    expect(header.bodyStart).toBe(header.addressEnd + 1)
  })

  it('read a broadcast frame\'s type once for every socket, without moving the reader of other frames', () => {
    const update = frame('board:b1', MessageType.Sync, messageYjsUpdate, new Uint8Array([1, 2]))
    const denied = frame('board:b1', MessageType.Auth, AuthMessageType.PermissionDenied)
    expect(messageTypeOf(denied)).toBe(MessageType.Auth)
    expect(broadcastTypeOf(update)).toBe(MessageType.Sync)
    expect(broadcastTypeOf(update)).toBe(MessageType.Sync)
    expect(broadcastTypeOf(denied)).toBe(MessageType.Auth)
    expect(authAnswerOf(denied)).toBe(AuthMessageType.PermissionDenied)
  })

  it('find no header in truncated frames', () => {
    const whole = frame('board:b1', MessageType.Sync)
    expect(messageTypeOf(whole.subarray(0, 4))).toBe(-1)
    expect(readFrameHeader(whole.subarray(0, whole.length - 1))).toBeNull()
    expect(messageTypeOf(new Uint8Array([0x80]), false)).toBe(-1)
  })

  it('read auth answers and sync updates, nothing else', () => {
    expect(authAnswerOf(frame('board:b1', MessageType.Auth, AuthMessageType.PermissionDenied, 0))).toBe(AuthMessageType.PermissionDenied)
    expect(authAnswerOf(frame('board:b1', MessageType.Stateless, 1))).toBeNull()
    const update = new Uint8Array([1, 2, 3])
    expect(readSyncUpdate(frame('board:b1', MessageType.Sync, messageYjsUpdate, update))).toEqual({ syncType: messageYjsUpdate, update })
    expect(readSyncUpdate(frame('board:b1', MessageType.Sync, 0, update))).toBeNull()
  })
})
