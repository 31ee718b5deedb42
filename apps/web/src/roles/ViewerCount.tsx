import { useValue, type Atom } from 'tldraw'

/** "+N viewers": the audience the server counts but does not show as cursors. Hidden when there is none. */
export function ViewerCount({ viewers }: { viewers: Atom<number> }) {
  const count = useValue('viewer count', () => viewers.get(), [viewers])
  if (count === 0) return null
  const label = `+${count} ${count === 1 ? 'viewer' : 'viewers'}`
  return (
    <span className="viewer-count" data-testid="viewer-count" data-count={count} title={`${label} watching without a cursor`}>
      {label}
    </span>
  )
}
