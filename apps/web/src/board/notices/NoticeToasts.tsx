import { useEffect } from 'react'
import { useToasts } from 'tldraw'
import type { Notices } from './notices.ts'

/** Shows a board's notices as tldraw toasts. Render inside <Tldraw>. */
export function NoticeToasts({ notices }: { notices: Notices }) {
  const { addToast } = useToasts()
  useEffect(
    () =>
      notices.subscribe((notice) => {
        addToast({ title: notice.title, description: notice.description, severity: notice.severity })
      }),
    [notices, addToast],
  )
  return null
}
