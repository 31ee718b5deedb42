import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULES } from '@concord/shared'

const doc = readFileSync(new URL('../../docs/ANALYSIS.md', import.meta.url), 'utf8')
/** The rules section: its table rows start with the rule id. */
const rulesSection = doc.slice(doc.indexOf('\n## Rules\n'))

describe('docs/ANALYSIS.md', () => {
  it('lists every rule with its topic, detection, rationale and false positives as the engine has them', () => {
    const rows = new Map(rulesSection.split('\n').filter((line) => line.startsWith('| `')).map((line) => [line.slice(3, line.indexOf('`', 3)), line]))
    const drift = RULES.filter((rule) => {
      const row = rows.get(rule.id)
      return !row || ![rule.topic, rule.detection, rule.rationale, rule.falsePositives].every((text) => row.includes(text.replace(/\|/g, '\\|')))
    }).map((rule) => rule.id)
    expect(drift).toEqual([])
    expect([...rows.keys()].filter((id) => !RULES.some((rule) => rule.id === id))).toEqual([])
  })
})
