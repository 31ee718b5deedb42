import { z } from 'zod'

/** Roles a capability link can grant; every board has one link per role. */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export interface Capabilities {
  /** May change the design document (shapes, pages, assets). */
  editDesign: boolean
  /** May write the board's review document (comments, rubric). */
  writeReview: boolean
  /** May upload images to the board's asset store. */
  uploadAssets: boolean
  /** Is shown to others on the board (cursor, avatar); hidden roles are only counted. */
  showPresence: boolean
  /** May share, rotate links, rename, duplicate and delete the board. */
  manageBoard: boolean
}

const CAPABILITIES: Record<Role, Capabilities> = {
  owner: { editDesign: true, writeReview: true, uploadAssets: true, showPresence: true, manageBoard: true },
  editor: { editDesign: true, writeReview: true, uploadAssets: true, showPresence: true, manageBoard: false },
  reviewer: { editDesign: false, writeReview: true, uploadAssets: false, showPresence: true, manageBoard: false },
  viewer: { editDesign: false, writeReview: false, uploadAssets: false, showPresence: false, manageBoard: false },
}

export function capabilitiesOf(role: Role): Capabilities {
  return CAPABILITIES[role]
}
