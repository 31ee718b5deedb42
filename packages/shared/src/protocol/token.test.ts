import { describe, expect, it } from 'vitest'
import { boardLinkPath, formatLinkToken, parseLinkToken, tokenFromHash } from './token.ts'

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
