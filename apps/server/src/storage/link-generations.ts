import { ROLES, type Role } from '@concord/shared'

/** A new board's link generation per role: 0 until the owner rotates that role's link. */
export function initialLinkGenerations(): Record<Role, number> {
  return Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>
}
