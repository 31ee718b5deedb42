import { booleanProp, DAY, durationProp, enumProp, HOUR, numberProp, percentProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

export const EDGE_KINDS: ComponentKind[] = [
  {
    id: 'edge-gateway',
    label: 'Edge node / gateway',
    group: 'edge',
    description: 'A node near devices that collects, filters and forwards their data, and keeps working when the uplink is down.',
    icon: svgIcon('<rect x="3" y="13" width="18" height="7" rx="2"/><path d="M7 13V9.5M17 13V9.5M12 13V4.5M9.5 7a3.5 3.5 0 0 1 5 0"/><circle cx="7" cy="16.5" r="0.9" fill="currentColor"/><circle cx="10.5" cy="16.5" r="0.9" fill="currentColor"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'aggregation',
        label: 'Local processing',
        help: 'What the gateway does before forwarding; aggregating at the edge cuts uplink traffic by orders of magnitude.',
        options: [
          ['forward', 'forward as is'],
          ['filter', 'filter'],
          ['downsample', 'downsample'],
          ['aggregate', 'aggregate windows', 'aggregates'],
          ['inference', 'run a model'],
        ],
        default: 'aggregate',
      }),
      booleanProp({
        id: 'storeAndForward',
        label: 'Store and forward',
        help: 'Whether data is buffered on disk while the uplink is down and sent once it is back.',
        default: true,
      }),
      durationProp({
        id: 'bufferSpan',
        label: 'Buffer span',
        help: 'How long an uplink outage the buffer covers before data is dropped.',
        max: 365 * DAY,
        default: DAY,
        badge: 'buffers {value}',
      }),
      enumProp({
        id: 'uplink',
        label: 'Uplink',
        help: 'The link to the cloud; metered or satellite links make every byte count.',
        options: [
          ['fibre', 'fibre'],
          ['dsl', 'DSL'],
          ['cellular', 'cellular'],
          ['satellite', 'satellite'],
        ],
      }),
    ],
    badge: ['aggregation', 'bufferSpan'],
    commonDefaults: { placement: 'edge' },
  },
  {
    id: 'cdn-pop',
    label: 'CDN PoP',
    group: 'edge',
    description: 'A content delivery network’s point of presence: caches content close to users to cut latency and origin load.',
    icon: svgIcon('<path d="M12 21s-6.5-5.6-6.5-10.5a6.5 6.5 0 0 1 13 0C18.5 15.4 12 21 12 21z"/><path d="M9.5 10.5h5M12 8v5"/>'),
    defaultSize: SIZE,
    properties: [
      percentProp({
        id: 'hitRatio',
        label: 'Cache hit ratio',
        help: 'Share of requests answered without the origin; the origin must still survive a cold cache.',
        default: 90,
        badge: 'hit {value}',
      }),
      durationProp({
        id: 'ttl',
        label: 'Cache TTL',
        help: 'How long content is served before being revalidated; the staleness users may see.',
        max: 365 * DAY,
        default: HOUR,
        badge: 'TTL {value}',
      }),
      enumProp({
        id: 'invalidation',
        label: 'Invalidation',
        help: 'How a change reaches the edge before the TTL runs out.',
        options: [
          ['ttl', 'TTL only'],
          ['purge', 'purge API'],
          ['versioned', 'versioned URLs'],
        ],
      }),
      numberProp({
        id: 'pops',
        label: 'Points of presence',
        help: 'How many edge locations serve the content.',
        unit: 'PoPs',
        min: 1,
        integer: true,
      }),
    ],
    badge: ['hitRatio', 'ttl'],
    commonDefaults: { placement: 'edge', state: 'soft-state' },
  },
]
