import { describe, expect, it } from 'vitest'
import { boardLinkPath, formatLinkToken, parseLinkToken, tokenFromHash } from './token.ts'
import { formatStudentToken, parseStudentToken, studentLinkPath, tokenRole } from './student-token.ts'

const mac = 'AAAAAAAAAAAAAAAAAAAAAA'

describe('link tokens', () => {
  it('round-trips through format and parse', () => {
    const token = { role: 'editor' as const, generation: 3, mac }
    expect(parseLinkToken(formatLinkToken(token))).toEqual(token)
  })

  it.each([
    ['', 'empty'],
    ['editor.1', 'missing mac'],
    [`admin.0.${mac}`, 'unknown role'],
    [`editor.-1.${mac}`, 'negative generation'],
    [`editor.01.${mac}`, 'leading zero'],
    [`editor.0.${mac}x`, 'mac too long'],
    [`editor.0.${mac}.extra`, 'extra part'],
    ['x'.repeat(500), 'oversized'],
  ])('refuses %j (%s)', (raw) => {
    expect(parseLinkToken(raw)).toBeNull()
  })

  it('puts the token in the fragment of a board link and reads it back', () => {
    const token = formatLinkToken({ role: 'owner', generation: 0, mac })
    const path = boardLinkPath('abcdefghijklmnopqrstuv', token)
    expect(path).toBe(`/b/abcdefghijklmnopqrstuv#k=${token}`)
    expect(tokenFromHash(path.slice(path.indexOf('#')))).toBe(token)
    expect(tokenFromHash('#other=1')).toBeNull()
    expect(tokenFromHash('#k=%E0%A4%A')).toBeNull()
  })
})

describe('student tokens', () => {
  it('parse apart from link tokens, and act as editors', () => {
    const raw = formatStudentToken({ key: 'A'.repeat(22), generation: 3, mac: 'B'.repeat(22) })
    expect(raw).toBe(`student.${'A'.repeat(22)}.3.${'B'.repeat(22)}`)
    expect(parseStudentToken(raw)).toEqual({ key: 'A'.repeat(22), generation: 3, mac: 'B'.repeat(22) })
    expect(parseLinkToken(raw)).toBeNull()
    expect(parseStudentToken(`owner.0.${'B'.repeat(22)}`)).toBeNull()
    expect(tokenRole(raw)).toBe('editor')
    expect(tokenRole(`viewer.0.${'B'.repeat(22)}`)).toBe('viewer')
    expect(tokenRole('nonsense')).toBeNull()
    expect(studentLinkPath('s1', raw)).toBe(`/s/s1/me#k=${raw}`)
  })
})
