import { describe, expect, it } from 'vitest'
import { formatAvailability, formatCost, formatDowntime, formatMs, formatUtilisation } from './displayNumbers.ts'

describe('the analysis panel’s numbers', () => {
  it('writes availabilities with enough digits to tell the nines apart', () => {
    expect(formatAvailability(0.998001)).toBe('99.8 %')
    expect(formatAvailability(0.999702)).toBe('99.97 %')
    expect(formatAvailability(0.999999)).toBe('99.9999 %')
    expect(formatAvailability(0.5)).toBe('50 %')
    expect(formatAvailability(1)).toBe('100 %')
    expect(formatAvailability(null)).toBe('—')
  })

  it('writes the downtime a year in the unit that reads best', () => {
    expect(formatDowntime(0.999)).toBe('8.8 h/yr')
    expect(formatDowntime(0.9999)).toBe('53 min/yr')
    expect(formatDowntime(0.99)).toBe('3.7 d/yr')
    expect(formatDowntime(0.999999)).toBe('32 s/yr')
    expect(formatDowntime(1)).toBe('under 1 s/yr')
  })

  it('writes latency, utilisation and cost, and unknowns as a dash', () => {
    expect(formatMs(12.34)).toBe('12.3 ms')
    expect(formatUtilisation(1.234)).toBe('123 %')
    expect(formatCost(1234)).toBe('€1,234/month')
    expect(formatCost(null)).toBe('—')
  })
})
