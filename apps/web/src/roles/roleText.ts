import type { Role } from '@concord/shared'

/** How each role is named and explained: on the badge (to its holder) and in the share dialog (to the owner). */
export const ROLE_TEXT: Record<Role, { name: string; badge: string; yourRights: string; shareHint: string }> = {
  owner: {
    name: 'Owner',
    badge: 'Owner',
    yourRights: 'You can edit, share, rename, duplicate and delete this board.',
    shareHint: 'Full control, including sharing and deleting. Keep it to yourself.',
  },
  editor: {
    name: 'Editor',
    badge: 'Editor',
    yourRights: 'You can edit this board with your team.',
    shareHint: 'Edits the design. For your team.',
  },
  reviewer: {
    name: 'Reviewer',
    badge: 'Reviewer · view only',
    yourRights: 'You can look at the design and review it, but not change it. Others see your cursor.',
    shareHint: 'Sees the design and reviews it, cannot change it. For peer reviewers.',
  },
  viewer: {
    name: 'Viewer',
    badge: 'Viewer · view only',
    yourRights: 'You can watch this board but not change it. Others do not see you, only how many viewers there are.',
    shareHint: 'Watches only, without a cursor; counted as "+N viewers". For an audience.',
  },
}
