import { booleanProp, durationProp, enumProp, HOUR, MINUTE, numberProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

export const NETWORKING_KINDS: ComponentKind[] = [
  {
    id: 'dns-glb',
    label: 'DNS / global load balancer',
    group: 'networking',
    description: 'Sends each user to a region or site by name resolution or anycast, and away from failed ones.',
    icon: svgIcon('<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.6 2.4 3.8 5.4 3.8 9s-1.2 6.6-3.8 9c-2.6-2.4-3.8-5.4-3.8-9S9.4 5.4 12 3z"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'routing',
        label: 'Routing policy',
        help: 'How a user is matched to a site.',
        options: [
          ['latency', 'lowest latency', 'latency-based'],
          ['geo', 'geographic'],
          ['weighted', 'weighted'],
          ['failover', 'active-passive failover', 'failover'],
          ['anycast', 'anycast'],
        ],
        default: 'latency',
      }),
      durationProp({
        id: 'dnsTtl',
        label: 'DNS TTL',
        help: 'How long resolvers cache an answer; failover takes at least this long to reach users.',
        max: 24 * HOUR,
        default: MINUTE,
        badge: 'TTL {value}',
      }),
      durationProp({
        id: 'healthCheckInterval',
        label: 'Health check interval',
        help: 'How often sites are probed; failures are noticed only after a few missed checks.',
        min: 1,
        max: HOUR,
      }),
    ],
    badge: ['routing', 'dnsTtl'],
    commonDefaults: { placement: 'multi-region', state: 'stateless' },
  },
  {
    id: 'load-balancer',
    label: 'Load balancer / API gateway',
    group: 'networking',
    description: 'Spreads requests over healthy instances; a gateway also authenticates, rate-limits and routes by path.',
    icon: svgIcon('<circle cx="4.5" cy="12" r="2"/><path d="M6.5 12h4.5M11 12l8-6.5M11 12h8M11 12l8 6.5"/><circle cx="19.5" cy="5.5" r="0.9" fill="currentColor"/><circle cx="19.5" cy="12" r="0.9" fill="currentColor"/><circle cx="19.5" cy="18.5" r="0.9" fill="currentColor"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'layer',
        label: 'Layer',
        help: 'L4 balances connections; L7 sees requests, so it can route by path and retry.',
        options: [
          ['l4', 'L4 (TCP)', 'L4'],
          ['l7', 'L7 (HTTP)', 'L7'],
        ],
        default: 'l7',
      }),
      enumProp({
        id: 'balancing',
        label: 'Balancing',
        help: 'How an instance is picked; least-loaded choices keep slow instances from piling up work.',
        options: [
          ['round-robin', 'round robin'],
          ['least-connections', 'least connections'],
          ['two-choices', 'power of two choices'],
          ['consistent-hash', 'consistent hashing'],
          ['weighted', 'weighted'],
        ],
        default: 'round-robin',
      }),
      numberProp({
        id: 'rateLimit',
        label: 'Rate limit',
        help: 'Requests per second admitted per client before refusing; protects the backend from one noisy client.',
        unit: 'req/s',
        min: 0,
      }),
      booleanProp({
        id: 'tlsTermination',
        label: 'Terminates TLS',
        help: 'Whether TLS ends here; traffic behind it is then plain unless re-encrypted.',
      }),
      booleanProp({
        id: 'stickySessions',
        label: 'Sticky sessions',
        help: 'Whether a client keeps its instance; it hides state in instances and unbalances load.',
      }),
    ],
    badge: ['layer', 'balancing'],
    commonDefaults: { state: 'stateless', replicasDesired: 2 },
  },
]
