import type { AnalysisModel } from '../model.ts'
import { CLIENT_KINDS, DATASTORE_KINDS } from '../semantics.ts'
import type { Rule } from './rule.ts'
import { nameOf } from './naming.ts'

/** The innermost container of a component (undefined on the page). */
function domainOf(model: AnalysisModel, id: string): string | undefined {
  return model.graph.components.get(id)!.containers[0]
}

export const SECURITY_RULES: Rule[] = [
  {
    id: 'unencrypted-across-domains',
    topic: 'security',
    severity: 'error',
    concerns: 'connection',
    detection: 'An unencrypted connection that crosses a failure domain (marked so, or with ends in different containers).',
    rationale: 'Traffic leaving a zone, region or site crosses networks the team does not control; encrypt it in transit.',
    falsePositives: 'Traffic inside a private link or VPN the board does not draw is encrypted underneath.',
    detect: (model) =>
      model.graph.connections.flatMap((connection) => {
        if (connection.properties.encrypted !== false) return []
        const crosses = connection.properties.crossesFailureDomain === true || domainOf(model, connection.from) !== domainOf(model, connection.to)
        return crosses ? [{ shapes: [connection.id], message: `The call from ${nameOf(model, connection.from)} to ${nameOf(model, connection.to)} crosses a failure domain unencrypted.` }] : []
      }),
  },
  {
    id: 'client-calls-datastore',
    topic: 'security',
    severity: 'warning',
    concerns: 'connection from a client to storage',
    detection: 'A client, device or user population connected straight to a database, store or cache.',
    rationale: 'Without a service in between, every client holds credentials to the data and the schema is the API.',
    falsePositives: 'Stores built for direct client access with per-user rules (Firebase-style security rules, presigned object-store URLs).',
    detect: (model) =>
      model.graph.connections.flatMap((connection) => {
        const from = model.graph.components.get(connection.from)!
        const to = model.graph.components.get(connection.to)!
        return CLIENT_KINDS.has(from.kind) && DATASTORE_KINDS.has(to.kind)
          ? [{ shapes: [connection.id], message: `${nameOf(model, from.id)} talks to ${nameOf(model, to.id)} directly.` }]
          : []
      }),
  },
]
