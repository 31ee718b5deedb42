import type { PropertyCheck, PropertyDef, PropertyValue } from './types.ts'

/**
 * Property values: checking a stored value, reading what a learner typed in the inspector, and
 * showing a value with its unit. Numbers, percentages and durations (in milliseconds) are stored
 * as numbers, enums and text as strings, booleans as booleans.
 */

const DURATION_UNITS: Array<{ symbol: string; ms: number }> = [
  { symbol: 'd', ms: 86_400_000 },
  { symbol: 'h', ms: 3_600_000 },
  { symbol: 'min', ms: 60_000 },
  { symbol: 's', ms: 1000 },
  { symbol: 'ms', ms: 1 },
]

/** Every spelling of a duration unit accepted from the inspector, in milliseconds. */
const DURATION_SPELLINGS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  msec: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', 'on'])
const FALSE_WORDS = new Set(['no', 'n', 'false', 'off'])

/** A plain decimal number, or one with comma thousands separators ("10,000"). */
const NUMBER_PATTERN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i

/** Six decimals, so what the inspector shows reads back as the stored value (not 3.142 for 3.14159). */
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/** Percentages keep every decimal: 99.999999999 (eleven nines) must not round to 100. */
const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12, useGrouping: false })

function ok(value: PropertyValue): PropertyCheck {
  return { ok: true, value }
}

function refuse(reason: string): PropertyCheck {
  return { ok: false, reason }
}

function readNumber(text: string): number | undefined {
  const compact = text.trim()
  if (compact === '' || !NUMBER_PATTERN.test(compact) || !/\d/.test(compact)) return undefined
  const value = Number(compact.replaceAll(',', ''))
  return Number.isFinite(value) ? value : undefined
}

function formatNumber(value: number): string {
  // Tiny fractions would round to 0.
  return Math.abs(value) > 0 && Math.abs(value) < 1e-6 ? String(value) : numberFormat.format(value)
}

function formatDuration(ms: number): string {
  for (const unit of DURATION_UNITS) {
    if (Math.abs(ms) < unit.ms && unit.ms !== 1) continue
    const amount = ms / unit.ms
    // A larger unit only when it shows the value exactly: 1500 ms is "1.5 s", 1234.5 ms stays in ms.
    if (unit.ms === 1 || Math.abs(amount * 1000 - Math.round(amount * 1000)) < 1e-6) {
      return `${formatNumber(amount)} ${unit.symbol}`
    }
  }
  return `${formatNumber(ms)} ms`
}

function rangeOf(def: PropertyDef): { min?: number; max?: number } {
  const type = def.valueType
  switch (type.type) {
    case 'number':
    case 'duration':
      return { min: type.min ?? (type.type === 'duration' ? 0 : undefined), max: type.max }
    case 'percent':
      return { min: type.min ?? 0, max: type.max ?? 100 }
    default:
      return {}
  }
}

function checkRange(def: PropertyDef, value: number): PropertyCheck {
  const { min, max } = rangeOf(def)
  const show = (bound: number) => formatPropertyValue(def, bound)
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    return refuse(`${def.label} must be between ${formatRangeStart(def, min)} and ${show(max)}`)
  }
  if (min !== undefined && value < min) return refuse(`${def.label} must be at least ${show(min)}`)
  if (max !== undefined && value > max) return refuse(`${def.label} must be at most ${show(max)}`)
  return ok(value)
}

/** "between 0 and 100 %", not "between 0 % and 100 %": the unit is said once, at the end. */
function formatRangeStart(def: PropertyDef, min: number): string {
  const type = def.valueType
  if (type.type === 'duration') return formatDuration(min)
  return formatNumber(min)
}

/** Whether `value` may be stored for `def`; the value back when it may, else the reason. */
export function checkPropertyValue(def: PropertyDef, value: unknown): PropertyCheck {
  const type = def.valueType
  switch (type.type) {
    case 'enum': {
      if (typeof value === 'string' && type.options.some((option) => option.value === value)) return ok(value)
      return refuse(`${def.label} must be one of: ${type.options.map((option) => option.label).join(', ')}`)
    }
    case 'number':
    case 'percent':
    case 'duration': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(`${def.label} must be a number`)
      if (type.type === 'number' && type.integer && !Number.isInteger(value)) {
        return refuse(`${def.label} must be a whole number`)
      }
      return checkRange(def, value)
    }
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : refuse(`${def.label} must be yes or no`)
    case 'text': {
      if (typeof value !== 'string') return refuse(`${def.label} must be text`)
      if (value.length > type.maxLength) return refuse(`${def.label} must be at most ${type.maxLength} characters`)
      if (!type.multiline && /[\r\n]/.test(value)) return refuse(`${def.label} must be a single line`)
      return ok(value)
    }
  }
}

function numberExample(def: PropertyDef): string {
  const { min, max } = rangeOf(def)
  let example = 3
  if (min !== undefined && example < min) example = min
  if (max !== undefined && example > max) example = max
  return formatPropertyValue(def, example)
}

function parseNumberInput(def: PropertyDef, unit: string | undefined, input: string): PropertyCheck {
  let text = input
  if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length)
  const value = readNumber(text)
  if (value === undefined) return refuse(`Enter a number such as ${numberExample(def)}`)
  return checkPropertyValue(def, value)
}

function parsePercentInput(def: PropertyDef, input: string): PropertyCheck {
  const nines = /^(\d+(?:\.\d+)?)\s*nines$/i.exec(input)
  if (nines) {
    // n nines: 100 - 10^(2 - n), rounded so 3 nines is exactly 99.9.
    const value = Number((100 - 10 ** (2 - Number(nines[1]))).toPrecision(15))
    return checkPropertyValue(def, value)
  }
  const value = readNumber(input.replace(/\s*%$/, ''))
  if (value === undefined) return refuse('Enter a percentage such as 99.95 or 99.95 %')
  return checkPropertyValue(def, value)
}

/** One amount and unit of a duration, e.g. "1.5 h" or "30min". */
const DURATION_PART = /([+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+))\s*([a-zµ]*)\s*/giy

function parseDurationInput(def: PropertyDef, input: string): PropertyCheck {
  const refusal = refuse('Enter a duration such as 250 ms or 2 s')
  // A bare number is milliseconds; otherwise one or more parts, e.g. "1 h 30 min".
  const bare = readNumber(input)
  if (bare !== undefined) return checkPropertyValue(def, bare)
  let total = 0
  DURATION_PART.lastIndex = 0
  for (let match = DURATION_PART.exec(input); match; match = DURATION_PART.exec(input)) {
    const amount = readNumber(match[1] ?? '')
    const factor = DURATION_SPELLINGS[(match[2] ?? '').toLowerCase()]
    if (amount === undefined || factor === undefined) return refusal
    total += amount * factor
    if (DURATION_PART.lastIndex === input.length) return checkPropertyValue(def, Number(total.toPrecision(15)))
  }
  return refusal
}

/**
 * What a learner typed in the inspector, read for `def`: numbers with an optional unit, percentages
 * ("99.95", "99.95 %", "4 nines"), durations ("150" is ms; "150ms", "2 s", "5min", "1h 30min"), yes/no,
 * an enum option by value or label (case-insensitive). Empty input is refused: clearing a property
 * is the inspector's own action, not a value.
 */
export function parsePropertyInput(def: PropertyDef, input: string): PropertyCheck {
  const type = def.valueType
  const text = input.trim()
  if (text === '') return refuse(`Enter a value for ${def.label}`)
  switch (type.type) {
    case 'enum': {
      const wanted = text.toLowerCase()
      const option = type.options.find((o) => o.value.toLowerCase() === wanted || o.label.toLowerCase() === wanted)
      if (option) return ok(option.value)
      return refuse(`Choose one of: ${type.options.map((o) => o.label).join(', ')}`)
    }
    case 'number':
      return parseNumberInput(def, type.unit, text)
    case 'percent':
      return parsePercentInput(def, text)
    case 'duration':
      return parseDurationInput(def, text)
    case 'boolean': {
      const word = text.toLowerCase()
      if (TRUE_WORDS.has(word)) return ok(true)
      if (FALSE_WORDS.has(word)) return ok(false)
      return refuse('Enter yes or no')
    }
    case 'text':
      return checkPropertyValue(def, type.multiline ? text : text.replace(/\s*[\r\n]+\s*/g, ' '))
  }
}

/** `value` as the inspector and badges show it: with its unit, an enum by its label. */
export function formatPropertyValue(def: PropertyDef, value: PropertyValue): string {
  const type = def.valueType
  switch (type.type) {
    case 'enum':
      return type.options.find((option) => option.value === value)?.label ?? String(value)
    case 'number':
      if (typeof value !== 'number') return String(value)
      return type.unit ? `${formatNumber(value)} ${type.unit}` : formatNumber(value)
    case 'percent':
      return typeof value === 'number' ? `${percentFormat.format(value)} %` : String(value)
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : String(value)
    case 'boolean':
      return value === true ? 'yes' : value === false ? 'no' : String(value)
    case 'text':
      return String(value)
  }
}
