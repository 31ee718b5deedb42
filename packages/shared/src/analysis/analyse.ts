import type { JsonRecord } from '../model/codec.ts'
import { extractGraph, numberOf, type DesignGraph } from './graph.ts'
import { buildModel, type AnalysisModel } from './model.ts'
import { RULES } from './rules/index.ts'
import type { AnalysisResult, Finding } from './types.ts'

export interface AnalyseOptions {
  /** What-if: component or container ids taken down (availability 0). */
  fail?: readonly string[]
}

/** The ids a what-if may name: components and containers of the board. */
export function failableIds(graph: DesignGraph): Set<string> {
  return new Set([...graph.components.keys(), ...graph.containers.keys()])
}

/**
 * Every rule's findings on the model; a finding is not applicable when every shape concerned says
 * so, and then carries the shapes' justifications.
 */
export function runRules(model: AnalysisModel): Finding[] {
  const marks = new Map<string, Record<string, string>>()
  for (const shape of [...model.graph.components.values(), ...model.graph.connections]) marks.set(shape.id, shape.notApplicable)
  const findings: Finding[] = []
  for (const rule of RULES) {
    for (const hit of rule.detect(model)) {
      const notApplicable = hit.shapes.length > 0 && hit.shapes.every((id) => rule.id in (marks.get(id) ?? {}))
      findings.push({
        rule: rule.id,
        topic: rule.topic,
        severity: hit.severity ?? rule.severity,
        shapes: hit.shapes,
        message: hit.message,
        notApplicable,
        justification: notApplicable ? [...new Set(hit.shapes.map((id) => marks.get(id)![rule.id]!.trim()))].filter(Boolean).join(' ') : null,
      })
    }
  }
  return findings
}

/** Analyses a design graph: numbers per entry, path and component, findings and a summary. */
export function analyseGraph(graph: DesignGraph, options: AnalyseOptions = {}): AnalysisResult {
  const model = buildModel(graph, options.fail)
  const findings = runRules(model)
  const open = findings.filter((finding) => !finding.notApplicable)
  const known = model.entries.map((entry) => entry.availability).filter((value) => value !== null)
  const costs = [...graph.components.values()].map((component) => numberOf(component.properties, 'cost')).filter((value) => value !== null)
  return {
    entries: model.entries.map(({ id, availability, latencyP50, latencyP99 }) => ({ id, availability, latencyP50, latencyP99 })),
    paths: model.paths.map((path) => ({
      from: path.shapes[0]!,
      to: path.shapes[path.shapes.length - 1]!,
      shapes: path.shapes,
      availability: path.availability,
      latencyP50: path.latencyP50,
      latencyP99: path.latencyP99,
      utilisation: path.utilisation,
    })),
    components: [...graph.components.values()].map((component) => ({
      id: component.id,
      name: component.name,
      kind: component.kind,
      instanceAvailability: model.instance.get(component.id)!.value,
      effectiveAvailability: model.effective.get(component.id)!,
      readAvailability: model.readEffective.get(component.id)!,
      utilisation: model.utilisation.get(component.id)!,
    })),
    findings,
    summary: {
      components: graph.components.size,
      connections: graph.connections.length,
      errors: open.filter((finding) => finding.severity === 'error').length,
      warnings: open.filter((finding) => finding.severity === 'warning').length,
      infos: open.filter((finding) => finding.severity === 'info').length,
      worstAvailability: known.length === 0 ? null : Math.min(...known),
      costPerMonth: costs.length === 0 ? null : costs.reduce((sum, cost) => sum + cost, 0),
    },
  }
}

/** Analyses a board's records (as the codec reads them from its document). */
export function analyseRecords(records: readonly JsonRecord[], options: AnalyseOptions = {}): AnalysisResult {
  return analyseGraph(extractGraph(records), options)
}
