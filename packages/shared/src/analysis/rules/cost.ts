import { numberOf } from '../graph.ts'
import { CLIENT_KINDS, isOperations } from '../semantics.ts'
import type { Rule } from './rule.ts'
import { componentsOf, nameOf } from './naming.ts'

export const COST_RULES: Rule[] = [
  {
    id: 'cost-incomplete',
    topic: 'cost',
    severity: 'info',
    concerns: 'component',
    detection: 'Some components have a cost and others (not clients) do not.',
    rationale: 'The monthly total then leaves parts of the system out.',
    falsePositives: 'Components that are free (a managed DNS within a free tier): set their cost to 0.',
    detect: (model) => {
      const priced = componentsOf(model).filter((component) => !CLIENT_KINDS.has(component.kind))
      const missing = priced.filter((component) => numberOf(component.properties, 'cost') === null)
      if (missing.length === 0 || missing.length === priced.length) return []
      return [{ shapes: missing.map((component) => component.id), message: `The cost total leaves out ${missing.map((component) => nameOf(model, component.id)).join(', ')}.` }]
    },
  },
  {
    id: 'idle-replica-cost',
    topic: 'cost',
    severity: 'info',
    concerns: 'component with a capacity',
    detection: 'A component with a cost whose utilisation is below 10 % at peak.',
    rationale: 'Paying for many times the capacity needed at peak buys nothing: fewer or smaller instances give the same answers.',
    falsePositives: 'Headroom kept for a zone failure or a known event.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const used = model.utilisation.get(component.id)
        if (isOperations(component) || used === null || used === undefined || used >= 0.1 || numberOf(component.properties, 'cost') === null) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} is under 10 % busy at peak.` }]
      }),
  },
]
