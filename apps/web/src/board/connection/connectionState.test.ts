import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  connectionStatusOf,
  describeConnection,
  explainConnection,
  NOT_SAVED_AFTER_MS,
  waitingForAcknowledgement,
} from './connectionState.ts'

const base = { synced: false, browserOnline: true, wentOffline: false, wasOnline: false, failedAttempts: 0 }

describe('connection status', () => {
  it('is connecting until the first attempt fails, then offline', () => {
    expect(connectionStatusOf(base)).toBe('connecting')
    expect(connectionStatusOf({ ...base, failedAttempts: 1 })).toBe('offline')
  })

  it('is online once the handshake completes, reconnecting after one drop, offline after two', () => {
    expect(connectionStatusOf({ ...base, synced: true })).toBe('online')
    expect(connectionStatusOf({ ...base, wasOnline: true, failedAttempts: 1 })).toBe('reconnecting')
    expect(connectionStatusOf({ ...base, wasOnline: true, failedAttempts: 2 })).toBe('offline')
  })

  it('is offline, not reconnecting, once the user took the tab offline', () => {
    expect(connectionStatusOf({ ...base, wentOffline: true, wasOnline: true, failedAttempts: 1 })).toBe('offline')
  })

  it('is offline while the browser has no network', () => {
    expect(connectionStatusOf({ ...base, browserOnline: false, wasOnline: true })).toBe('offline')
  })

  it('says how many changes wait for the server', () => {
    expect(describeConnection({ status: 'online', unsynced: 0, notSaved: false })).toBe('Online · all changes synced')
    expect(describeConnection({ status: 'offline', unsynced: 3, notSaved: false })).toBe('Offline · 3 changes not yet synced')
    expect(describeConnection({ status: 'offline', unsynced: 1, notSaved: false })).toBe('Offline · 1 change not yet synced')
  })

  it('says plainly when the server does not store changes while connected', () => {
    const state = { status: 'online', unsynced: 2, notSaved: true } as const
    expect(describeConnection(state)).toBe('Not saved · 2 changes waiting for the server')
    expect(explainConnection(state)).toContain('has not stored your latest changes')
  })
})

describe('changes waiting for the server', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('are "not saved" after waiting without any acknowledgement, and saved again once acknowledged', () => {
    vi.useFakeTimers()
    let due = 0
    const waiting = waitingForAcknowledgement(() => due++)
    expect(waiting.update(1)).toBe(false)
    vi.advanceTimersByTime(NOT_SAVED_AFTER_MS - 1)
    expect(waiting.update(3)).toBe(false)
    expect(due).toBe(0)
    vi.advanceTimersByTime(1)
    expect(due).toBe(1)
    expect(waiting.update(3)).toBe(true)
    expect(waiting.update(0)).toBe(false)
    waiting.stop()
  })

  it('are not "not saved" while acknowledgements keep arriving, however long the backlog lasts', () => {
    vi.useFakeTimers()
    const waiting = waitingForAcknowledgement(() => {})
    waiting.update(5)
    for (let count = 4; count > 0; count--) {
      vi.advanceTimersByTime(NOT_SAVED_AFTER_MS - 100)
      expect(waiting.update(count)).toBe(false)
    }
    waiting.stop()
  })
})
