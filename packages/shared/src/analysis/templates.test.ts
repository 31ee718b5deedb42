import { describe, expect, it } from 'vitest'
import { templateRecords } from '../catalog/template-records.ts'
import { TEMPLATES } from '../catalog/templates/index.ts'
import { analyseRecords } from './analyse.ts'
import { analysisResultSchema } from './result-schema.ts'

describe('every shipped template', () => {
  for (const template of TEMPLATES) {
    it(`${template.id} analyses into findings on its own shapes, with no errors (no template declares deliberate flaws)`, () => {
      const records = templateRecords(template, 'tpl')
      const ids = new Set(records.map((record) => record.id))
      const result = analyseRecords(records)
      expect(result.summary.components).toBe(template.components.length)
      expect(result.summary.connections).toBe(template.connections.length)
      expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([])
      expect(result.findings.flatMap((finding) => finding.shapes.filter((shape) => !ids.has(shape)).map((shape) => `${finding.rule} names ${shape}`))).toEqual([])
      const entries = new Set(result.entries.map((entry) => entry.id))
      for (const path of result.paths) expect(entries.has(path.from)).toBe(true)
    })
  }
})

describe('the analysis result', () => {
  it('matches the response schema clients check it with', () => {
    for (const template of TEMPLATES) expect(analysisResultSchema.safeParse(analyseRecords(templateRecords(template, 'tpl'))).error).toBeUndefined()
  })
})
