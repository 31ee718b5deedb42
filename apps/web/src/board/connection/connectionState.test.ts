import { describe, expect, it } from 'vitest'
import { connectionStatusOf, describeConnection } from './connectionState.ts'

const base = { synced: false, browserOnline: true, wasOnline: false, failedAttempts: 0 }

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

  it('is offline while the browser has no network', () => {
    expect(connectionStatusOf({ ...base, browserOnline: false, wasOnline: true })).toBe('offline')
  })

  it('says how many changes wait for the server', () => {
    expect(describeConnection({ status: 'online', unsynced: 0 })).toBe('Online · all changes synced')
    expect(describeConnection({ status: 'offline', unsynced: 3 })).toBe('Offline · 3 changes not yet synced')
    expect(describeConnection({ status: 'offline', unsynced: 1 })).toBe('Offline · 1 change not yet synced')
  })
})
