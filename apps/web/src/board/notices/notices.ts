/** A short message for the user about the board (upload refused, a peer's change skipped, ...). */
export interface Notice {
  title: string
  description?: string
  severity: 'info' | 'warning' | 'error'
}

/**
 * A queue between non-React parts of a board (asset store, binding) and the toast UI: notices
 * raised before the UI is mounted are kept and shown once it subscribes.
 */
export class Notices {
  private pending: Notice[] = []
  private listener: ((notice: Notice) => void) | null = null

  show(notice: Notice): void {
    if (this.listener) this.listener(notice)
    else this.pending.push(notice)
  }

  subscribe(listener: (notice: Notice) => void): () => void {
    this.listener = listener
    for (const notice of this.pending.splice(0)) listener(notice)
    return () => {
      if (this.listener === listener) this.listener = null
    }
  }
}
