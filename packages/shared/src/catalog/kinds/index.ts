import type { ComponentKind } from '../types.ts'
import { CLIENT_KINDS } from './clients.ts'
import { COMPUTE_KINDS } from './compute.ts'
import { STORAGE_KINDS } from './storage.ts'

/** Every component kind, in library order (by group). */
export const COMPONENT_KINDS: ComponentKind[] = [...CLIENT_KINDS, ...COMPUTE_KINDS, ...STORAGE_KINDS]
