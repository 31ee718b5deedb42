import { z } from 'zod'

/**
 * Roles a capability link can grant. The foundation issues owner and editor links; reviewer and
 * viewer are defined so that issuing them later only adds links, not new checks.
 */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

/** Roles whose links the server issues today. */
export const ISSUED_ROLES = ['owner', 'editor'] as const satisfies readonly Role[]

export interface Capabilities {
  /** May change the design document (shapes, pages, assets). */
  editDesign: boolean
  /** May upload images to the board's asset store. */
  uploadAssets: boolean
  /** Is shown to others on the board (cursor, avatar). */
  showPresence: boolean
}

const CAPABILITIES: Record<Role, Capabilities> = {
  owner: { editDesign: true, uploadAssets: true, showPresence: true },
  editor: { editDesign: true, uploadAssets: true, showPresence: true },
  reviewer: { editDesign: false, uploadAssets: false, showPresence: true },
  viewer: { editDesign: false, uploadAssets: false, showPresence: false },
}

export function capabilitiesOf(role: Role): Capabilities {
  return CAPABILITIES[role]
}
