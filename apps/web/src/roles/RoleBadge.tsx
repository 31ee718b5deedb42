import type { Role } from '@concord/shared'
import { ROLE_TEXT } from './roleText.ts'

/** What this link lets its holder do, always in sight at the top of the board. */
export function RoleBadge({ role }: { role: Role }) {
  const text = ROLE_TEXT[role]
  return (
    <span className={`role-badge role-badge--${role}`} data-testid="role-badge" data-role={role} title={text.yourRights}>
      {text.badge}
    </span>
  )
}
