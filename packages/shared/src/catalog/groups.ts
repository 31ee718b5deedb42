import type { CatalogGroup } from './types.ts'

/** The library panel's sections, in order. */
export const GROUPS: CatalogGroup[] = [
  { id: 'clients', label: 'Clients and devices' },
  { id: 'edge', label: 'Edge' },
  { id: 'networking', label: 'Networking' },
  { id: 'compute', label: 'Compute' },
  { id: 'storage', label: 'Storage' },
  { id: 'coordination', label: 'Coordination' },
  { id: 'messaging', label: 'Messaging and streaming' },
  { id: 'processing', label: 'Data processing' },
  { id: 'ml', label: 'Machine learning' },
  { id: 'operations', label: 'Operations' },
  { id: 'external', label: 'External' },
]
