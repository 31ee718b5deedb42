import { enumProp, numberProp, percentProp, textProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

export const EXTERNAL_KINDS: ComponentKind[] = [
  {
    id: 'external-dependency',
    label: 'External dependency',
    group: 'external',
    description: 'A service run by someone else (payments, identity, a partner API): its failures are yours, its fixes are not.',
    icon: svgIcon('<path d="M7 18.5h10a4 4 0 0 0 .6-8 5.5 5.5 0 0 0-10.7 1.4A3.3 3.3 0 0 0 7 18.5z"/><path d="M12 11v4.5M10 13.5l2 2 2-2"/>'),
    defaultSize: { w: 180, h: 100 },
    properties: [
      textProp({
        id: 'provider',
        label: 'Provider',
        help: 'Who runs it.',
        maxLength: 120,
      }),
      percentProp({
        id: 'sla',
        label: 'Provider SLA',
        help: 'The availability the provider commits to; your SLO cannot exceed it on paths that need it.',
        default: 99.9,
        badge: 'SLA {value}',
      }),
      numberProp({
        id: 'quota',
        label: 'Rate limit',
        help: 'Requests per second the provider allows you; beyond it calls are refused.',
        unit: 'req/s',
        min: 0,
      }),
      enumProp({
        id: 'fallback',
        label: 'Fallback',
        help: 'What the design does while the dependency is down.',
        options: [
          ['none', 'none (fail)', 'no fallback'],
          ['cached', 'serve cached', 'serves cached'],
          ['degrade', 'degrade the feature', 'degrades'],
          ['queue', 'queue and retry later', 'queues'],
          ['alternate', 'alternate provider', 'alt. provider'],
        ],
        default: 'none',
      }),
    ],
    badge: ['sla', 'fallback'],
  },
]
