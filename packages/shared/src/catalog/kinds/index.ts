import type { ComponentKind } from '../types.ts'
import { CLIENT_KINDS } from './clients.ts'
import { COMPUTE_KINDS } from './compute.ts'
import { COORDINATION_KINDS } from './coordination.ts'
import { EDGE_KINDS } from './edge.ts'
import { EXTERNAL_KINDS } from './external.ts'
import { MESSAGING_KINDS } from './messaging.ts'
import { ML_KINDS } from './ml.ts'
import { NETWORKING_KINDS } from './networking.ts'
import { OPERATIONS_KINDS } from './operations.ts'
import { PROCESSING_KINDS } from './processing.ts'
import { STORAGE_KINDS } from './storage.ts'

/** Every component kind, in library order (by group). */
export const COMPONENT_KINDS: ComponentKind[] = [
  ...CLIENT_KINDS,
  ...EDGE_KINDS,
  ...NETWORKING_KINDS,
  ...COMPUTE_KINDS,
  ...STORAGE_KINDS,
  ...COORDINATION_KINDS,
  ...MESSAGING_KINDS,
  ...PROCESSING_KINDS,
  ...ML_KINDS,
  ...OPERATIONS_KINDS,
  ...EXTERNAL_KINDS,
]
