import { svgIcon } from './icon.ts'
import type { ContainerKind } from './types.ts'

/** Failure domains: everything inside one fails together when it does. Nest them widest first. */
export const CONTAINER_KINDS: ContainerKind[] = [
  {
    id: 'region',
    label: 'Region',
    description: 'A geographic region of several zones; losing one is rare but takes everything in it.',
    icon: svgIcon('<path d="M3 6.5l6-2.5 6 2.5 6-2.5v13.5l-6 2.5-6-2.5-6 2.5z"/><path d="M9 4v13.5M15 6.5V20"/>'),
    defaultSize: { w: 680, h: 440 },
  },
  {
    id: 'zone',
    label: 'Availability zone',
    description: 'Data centres in one region with independent power and network; they fail independently.',
    icon: svgIcon('<rect x="3" y="3" width="18" height="18" rx="2.5" stroke-dasharray="3.5 3"/><rect x="8" y="8" width="8" height="8" rx="1"/>'),
    defaultSize: { w: 460, h: 300 },
  },
  {
    id: 'datacenter',
    label: 'Data centre',
    description: 'One building: shared power, cooling and network, so one fire or outage takes it all.',
    icon: svgIcon('<path d="M4 21V8l8-4.5L20 8v13M2.5 21h19"/><path d="M9.5 21v-5h5v5M8 11h2M14 11h2"/>'),
    defaultSize: { w: 560, h: 380 },
  },
  {
    id: 'rack',
    label: 'Rack',
    description: 'Machines sharing a top-of-rack switch and power feed; a switch failure cuts them off together.',
    icon: svgIcon('<rect x="5" y="2.5" width="14" height="19" rx="1.5"/><path d="M5 8.8h14M5 15.2h14"/><circle cx="8.5" cy="5.7" r="0.9" fill="currentColor"/><circle cx="8.5" cy="12" r="0.9" fill="currentColor"/><circle cx="8.5" cy="18.3" r="0.9" fill="currentColor"/>'),
    defaultSize: { w: 240, h: 400 },
  },
  {
    id: 'edge-site',
    label: 'Edge site',
    description: 'A small site near users or devices (a factory, a hospital, a cell tower) with its own uplink.',
    icon: svgIcon('<path d="M12 11v10M8.5 21h7M12 11l-3.5 10M12 11l3.5 10"/><circle cx="12" cy="8.5" r="1.5"/><path d="M8.3 5.2a5 5 0 0 0 0 6.6M15.7 5.2a5 5 0 0 1 0 6.6"/>'),
    defaultSize: { w: 460, h: 260 },
  },
  {
    id: 'cluster',
    label: 'Cluster',
    description: 'A group of machines run as one system, sharing a control plane whose failure affects them all.',
    icon: svgIcon('<circle cx="12" cy="12" r="9"/><circle cx="9" cy="9.8" r="1.8"/><circle cx="15" cy="9.8" r="1.8"/><circle cx="12" cy="15.2" r="1.8"/>'),
    defaultSize: { w: 460, h: 300 },
  },
]
