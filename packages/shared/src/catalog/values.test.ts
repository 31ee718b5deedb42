import { describe, expect, it } from 'vitest'
import { booleanProp, durationProp, enumProp, numberProp, percentProp, textProp } from './define.ts'
import type { PropertyDef } from './types.ts'
import { checkPropertyValue, formatPropertyValue, parsePropertyInput } from './values.ts'

const availability = percentProp({ id: 'availability', label: 'Availability SLO', help: '' })
const durability = percentProp({ id: 'durability', label: 'Durability', help: '', min: 90 })
const timeout = durationProp({ id: 'timeout', label: 'Timeout', help: '', min: 1, max: 600_000 })
const latency = durationProp({ id: 'latency', label: 'Latency', help: '' })
const throughput = numberProp({ id: 'throughput', label: 'Throughput', help: '', unit: 'req/s', min: 0 })
const partitions = numberProp({ id: 'partitions', label: 'Partitions', help: '', min: 1, max: 10_000, integer: true })
const consistency = enumProp({
  id: 'consistency',
  label: 'Consistency model',
  help: '',
  options: [
    ['linearizable', 'linearizable'],
    ['read-your-writes', 'read-your-writes'],
    ['PA/EL', 'PA/EL (available, fast)'],
  ],
})
const encrypted = booleanProp({ id: 'encrypted', label: 'Encrypted', help: '' })
const notes = textProp({ id: 'notes', label: 'Provider', help: '', maxLength: 10 })
const story = textProp({ id: 'story', label: 'Story', help: '', maxLength: 100, multiline: true })

function parsed(def: PropertyDef, input: string) {
  const result = parsePropertyInput(def, input)
  if (!result.ok) throw new Error(`"${input}" refused: ${result.reason}`)
  return result.value
}

function refusal(def: PropertyDef, input: string) {
  const result = parsePropertyInput(def, input)
  if (result.ok) throw new Error(`"${input}" accepted as ${String(result.value)}`)
  return result.reason
}

describe('property values: percentages', () => {
  it('reads plain numbers, a trailing %, and nines', () => {
    expect(parsed(availability, '99.95')).toBe(99.95)
    expect(parsed(availability, '99.95%')).toBe(99.95)
    expect(parsed(availability, ' 99.95 % ')).toBe(99.95)
    expect(parsed(availability, '3 nines')).toBe(99.9)
    expect(parsed(availability, '5 Nines')).toBe(99.999)
    expect(parsed(availability, '100')).toBe(100)
    expect(parsed(availability, '0')).toBe(0)
  })

  it('refuses what is not a percentage, or out of range, with the reason', () => {
    expect(refusal(availability, 'high')).toBe('Enter a percentage such as 99.95 or 99.95 %')
    expect(refusal(availability, '99,95')).toBe('Enter a percentage such as 99.95 or 99.95 %')
    expect(refusal(availability, '100.1')).toBe('Availability SLO must be between 0 and 100 %')
    expect(refusal(availability, '-1')).toBe('Availability SLO must be between 0 and 100 %')
    expect(refusal(durability, '80')).toBe('Durability must be between 90 and 100 %')
    expect(refusal(availability, '')).toBe('Enter a value for Availability SLO')
  })

  it('shows every decimal, so eleven nines stay eleven nines, and reads its own output back', () => {
    expect(formatPropertyValue(availability, 99.95)).toBe('99.95 %')
    expect(formatPropertyValue(durability, 99.999999999)).toBe('99.999999999 %')
    for (const value of [0, 50, 99.9, 99.95, 99.999999999, 100]) {
      expect(parsed(availability, formatPropertyValue(availability, value))).toBe(value)
    }
  })
})

describe('property values: durations', () => {
  it('reads bare milliseconds and every common unit', () => {
    expect(parsed(timeout, '150')).toBe(150)
    expect(parsed(timeout, '150ms')).toBe(150)
    expect(parsed(timeout, '2 s')).toBe(2000)
    expect(parsed(timeout, '1.5s')).toBe(1500)
    expect(parsed(timeout, '5min')).toBe(300_000)
    expect(parsed(timeout, '5 m')).toBe(300_000)
    expect(parsed(latency, '1h')).toBe(3_600_000)
    expect(parsed(latency, '2 Days')).toBe(172_800_000)
    expect(parsed(latency, '500 us')).toBe(0.5)
    expect(parsed(latency, '1h 30min')).toBe(5_400_000)
    expect(parsed(latency, '2m30s')).toBe(150_000)
    expect(parsed(latency, '1,500 ms')).toBe(1500)
  })

  it('refuses unknown units, words and values out of range with the reason', () => {
    expect(refusal(timeout, '5 parsecs')).toBe('Enter a duration such as 250 ms or 2 s')
    expect(refusal(timeout, 'soon')).toBe('Enter a duration such as 250 ms or 2 s')
    expect(refusal(timeout, '2 s 5')).toBe('Enter a duration such as 250 ms or 2 s')
    expect(refusal(timeout, '1h30')).toBe('Enter a duration such as 250 ms or 2 s')
    expect(refusal(timeout, 'ms')).toBe('Enter a duration such as 250 ms or 2 s')
    expect(refusal(timeout, '  ')).toBe('Enter a value for Timeout')
    expect(refusal(timeout, '11 min')).toBe('Timeout must be between 1 ms and 10 min')
    expect(refusal(timeout, '0')).toBe('Timeout must be between 1 ms and 10 min')
    expect(refusal(latency, '-5 ms')).toBe('Latency must be at least 0 ms')
  })

  it('shows the largest unit that states the value exactly, and reads it back', () => {
    expect(formatPropertyValue(latency, 250)).toBe('250 ms')
    expect(formatPropertyValue(latency, 2000)).toBe('2 s')
    expect(formatPropertyValue(latency, 1500)).toBe('1.5 s')
    expect(formatPropertyValue(latency, 300_000)).toBe('5 min')
    expect(formatPropertyValue(latency, 5_400_000)).toBe('1.5 h')
    expect(formatPropertyValue(latency, 604_800_000)).toBe('7 d')
    expect(formatPropertyValue(latency, 1234.5)).toBe('1,234.5 ms')
    expect(formatPropertyValue(latency, 0.5)).toBe('0.5 ms')
    for (const value of [0, 0.5, 1, 250, 1234.5, 1500, 2000, 90_000, 300_000, 5_400_000, 604_800_000]) {
      expect(parsed(latency, formatPropertyValue(latency, value))).toBe(value)
    }
  })
})

describe('property values: numbers', () => {
  it('reads numbers with or without their unit and with thousands separators', () => {
    expect(parsed(throughput, '500')).toBe(500)
    expect(parsed(throughput, '500 req/s')).toBe(500)
    expect(parsed(throughput, '500req/S')).toBe(500)
    expect(parsed(throughput, '10,000')).toBe(10_000)
    expect(parsed(throughput, '2.5e3')).toBe(2500)
    expect(parsed(partitions, '12')).toBe(12)
  })

  it('refuses other units, fractions of integers and out-of-range values with the reason', () => {
    expect(refusal(throughput, '500 MB')).toBe('Enter a number such as 3 req/s')
    expect(refusal(throughput, '1,5')).toBe('Enter a number such as 3 req/s')
    expect(refusal(throughput, '-1')).toBe('Throughput must be at least 0 req/s')
    expect(refusal(partitions, '2.5')).toBe('Partitions must be a whole number')
    expect(refusal(partitions, '0')).toBe('Partitions must be between 1 and 10,000')
    expect(refusal(partitions, 'many')).toBe('Enter a number such as 3')
  })

  it('shows the unit and reads its own output back', () => {
    expect(formatPropertyValue(throughput, 10_000)).toBe('10,000 req/s')
    expect(formatPropertyValue(partitions, 12)).toBe('12')
    expect(formatPropertyValue(throughput, 3.14159)).toBe('3.14159 req/s')
    for (const value of [0, 1, 2.5, 3.14159, 0.0005, 1e-9, 999, 10_000, 1_250_000.125]) {
      expect(parsed(throughput, formatPropertyValue(throughput, value))).toBe(value)
    }
  })
})

describe('property values: enums, booleans, text', () => {
  it('reads an enum option by value or label, in any case, and shows its label', () => {
    expect(parsed(consistency, 'Linearizable')).toBe('linearizable')
    expect(parsed(consistency, 'pa/el')).toBe('PA/EL')
    expect(parsed(consistency, 'PA/EL (available, fast)')).toBe('PA/EL')
    expect(formatPropertyValue(consistency, 'PA/EL')).toBe('PA/EL (available, fast)')
    expect(parsed(consistency, formatPropertyValue(consistency, 'read-your-writes'))).toBe('read-your-writes')
    expect(refusal(consistency, 'strong')).toBe('Choose one of: linearizable, read-your-writes, PA/EL (available, fast)')
  })

  it('reads yes/no/true/false and shows yes or no', () => {
    for (const word of ['yes', 'Y', 'true', 'on']) expect(parsed(encrypted, word)).toBe(true)
    for (const word of ['no', 'N', 'FALSE', 'off']) expect(parsed(encrypted, word)).toBe(false)
    expect(refusal(encrypted, 'maybe')).toBe('Enter yes or no')
    expect(formatPropertyValue(encrypted, true)).toBe('yes')
    expect(formatPropertyValue(encrypted, false)).toBe('no')
  })

  it('keeps text within its length, on one line unless multiline', () => {
    expect(parsed(notes, '  AWS S3 ')).toBe('AWS S3')
    expect(parsed(notes, 'a\nb')).toBe('a b')
    expect(parsed(story, 'first\nsecond')).toBe('first\nsecond')
    expect(refusal(notes, 'eleven chars')).toBe('Provider must be at most 10 characters')
    expect(refusal(notes, '   ')).toBe('Enter a value for Provider')
    expect(checkPropertyValue(notes, 'a\nb')).toEqual({ ok: false, reason: 'Provider must be a single line' })
  })
})

describe('checking stored values', () => {
  it('refuses values of the wrong type, unknown options and non-finite numbers', () => {
    expect(checkPropertyValue(availability, '99.9')).toEqual({ ok: false, reason: 'Availability SLO must be a number' })
    expect(checkPropertyValue(availability, Number.NaN)).toEqual({ ok: false, reason: 'Availability SLO must be a number' })
    expect(checkPropertyValue(availability, 101)).toEqual({ ok: false, reason: 'Availability SLO must be between 0 and 100 %' })
    expect(checkPropertyValue(throughput, Number.POSITIVE_INFINITY).ok).toBe(false)
    expect(checkPropertyValue(consistency, 'strong').ok).toBe(false)
    expect(checkPropertyValue(encrypted, 'yes')).toEqual({ ok: false, reason: 'Encrypted must be yes or no' })
    expect(checkPropertyValue(notes, 5)).toEqual({ ok: false, reason: 'Provider must be text' })
    expect(checkPropertyValue(partitions, 3)).toEqual({ ok: true, value: 3 })
  })
})
