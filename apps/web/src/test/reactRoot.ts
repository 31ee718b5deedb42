import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'

/** A React root for hook tests: `render` mounts or updates it inside `act`, `unmount` (after each test) tears it down. */
export function testRoot(): { render(node: ReactNode): void; unmount(): void } {
  // Tells React this is a test environment, where `act` flushes effects and updates.
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
  let root: Root | null = null
  return {
    render: (node) =>
      act(() => {
        root ??= createRoot(document.createElement('div'))
        root.render(node)
      }),
    unmount: () => {
      act(() => root?.unmount())
      root = null
    },
  }
}
