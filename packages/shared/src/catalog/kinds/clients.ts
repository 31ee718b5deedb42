import { enumProp, MINUTE, durationProp, numberProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

export const CLIENT_KINDS: ComponentKind[] = [
  {
    id: 'web-client',
    label: 'Web / mobile client',
    group: 'clients',
    description: 'A browser or app on a user’s device: it sees every failure behind it as latency or an error.',
    icon: svgIcon('<rect x="2.5" y="4" width="14" height="11" rx="1.5"/><path d="M6.5 19h6M9.5 15v4"/><rect x="16" y="9" width="5.5" height="11" rx="1.2"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'platform',
        label: 'Platform',
        help: 'Where the client runs; mobile clients see flaky networks and long pauses in the background.',
        options: [
          ['browser', 'browser'],
          ['mobile', 'mobile app'],
          ['desktop', 'desktop app'],
        ],
        default: 'browser',
      }),
      enumProp({
        id: 'offline',
        label: 'Offline behaviour',
        help: 'What the client does without a connection; offline-first clients need to merge their edits later.',
        options: [
          ['online-only', 'online only'],
          ['offline-read', 'reads offline'],
          ['offline-first', 'offline-first'],
        ],
        default: 'online-only',
      }),
      enumProp({
        id: 'retryPolicy',
        label: 'Client retries',
        help: 'How the client retries failed requests; synchronized retries can overload a recovering backend.',
        options: [
          ['none', 'none'],
          ['immediate', 'immediate'],
          ['backoff', 'backoff with jitter'],
        ],
      }),
    ],
    badge: ['platform', 'offline'],
  },
  {
    id: 'user-population',
    label: 'User population',
    group: 'clients',
    description: 'The people using the system, as a load model: how many, where, and how bursty.',
    icon: svgIcon('<circle cx="9" cy="8" r="3"/><path d="M3.5 20a5.5 5.5 0 0 1 11 0"/><circle cx="17" cy="9" r="2.5"/><path d="M16.5 14.1a4.5 4.5 0 0 1 4.5 4.9"/>'),
    defaultSize: SIZE,
    properties: [
      numberProp({
        id: 'users',
        label: 'Daily active users',
        help: 'Distinct users per day; with requests per user it gives the average load.',
        unit: 'users',
        min: 0,
        default: 10_000,
      }),
      numberProp({
        id: 'peakConcurrent',
        label: 'Peak concurrent users',
        help: 'Users active at the busiest moment; size for this, not the daily average.',
        unit: 'users',
        min: 0,
      }),
      numberProp({
        id: 'requestsPerUser',
        label: 'Requests per user',
        help: 'Requests one active user makes per minute.',
        unit: 'req/min',
        min: 0,
      }),
      enumProp({
        id: 'geography',
        label: 'Geography',
        help: 'Where users are; global users need nearby edges or accept 100 ms+ round trips.',
        options: [
          ['one-city', 'one city'],
          ['one-country', 'one country'],
          ['continent', 'one continent'],
          ['global', 'global'],
        ],
        default: 'one-country',
      }),
    ],
    badge: ['users', 'geography'],
  },
  {
    id: 'iot-device',
    label: 'IoT device',
    group: 'clients',
    description: 'A fleet of small devices reporting readings over constrained, intermittent links.',
    icon: svgIcon('<rect x="8" y="12" width="8" height="9" rx="1.5"/><path d="M9.2 8.8a4 4 0 0 1 5.6 0M6.6 6.2a7.6 7.6 0 0 1 10.8 0"/><circle cx="12" cy="16.5" r="1" fill="currentColor"/>'),
    defaultSize: SIZE,
    properties: [
      numberProp({
        id: 'fleetSize',
        label: 'Fleet size',
        help: 'How many devices report; the backend sees their combined rate.',
        unit: 'devices',
        min: 0,
        integer: true,
        default: 1000,
      }),
      durationProp({
        id: 'reportInterval',
        label: 'Report interval',
        help: 'How often each device sends a reading.',
        min: 1,
        max: 7 * 24 * 60 * MINUTE,
        default: MINUTE,
        badge: 'every {value}',
      }),
      enumProp({
        id: 'connectivity',
        label: 'Connectivity',
        help: 'The device’s link; low-power links are slow, lossy and often down.',
        options: [
          ['wifi', 'Wi-Fi'],
          ['ethernet', 'Ethernet'],
          ['cellular', 'cellular'],
          ['lorawan', 'LoRaWAN'],
          ['ble', 'Bluetooth LE'],
          ['satellite', 'satellite'],
        ],
      }),
      enumProp({
        id: 'power',
        label: 'Power',
        help: 'Battery devices sleep between reports and cannot hold connections open.',
        options: [
          ['mains', 'mains'],
          ['battery', 'battery'],
          ['harvesting', 'energy harvesting'],
        ],
      }),
      numberProp({
        id: 'localBuffer',
        label: 'Local buffer',
        help: 'Readings kept on the device while its link is down; beyond this they are lost.',
        unit: 'readings',
        min: 0,
        integer: true,
      }),
    ],
    badge: ['fleetSize', 'reportInterval'],
  },
]
