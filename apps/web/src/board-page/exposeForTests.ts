/* oxlint-disable no-underscore-dangle -- `window.__concord` is the name browser tests rely on. */
import type { HocuspocusProvider } from '@hocuspocus/provider'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'

export interface ConcordTestHandle {
  editor: Editor
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Mermaid as the import loads it (lazily), so a test can check text with `mermaid.parse`. */
  loadMermaid(): Promise<{ parse(text: string): Promise<unknown> }>
}

declare global {
  interface Window {
    /** The open board, for browser tests (Playwright reads it with page.evaluate). */
    __concord?: ConcordTestHandle
  }
}

/** Puts the open board on `window.__concord`; returns the cleanup for the editor's unmount. */
export function exposeForTests(handle: ConcordTestHandle): () => void {
  window.__concord = handle
  return () => {
    if (window.__concord === handle) delete window.__concord
  }
}
