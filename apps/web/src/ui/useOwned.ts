import { useEffect, useState, type DependencyList } from 'react'

/**
 * A resource this component owns (a board session, a lab client, a watch over team boards):
 * created for `key`, destroyed on unmount or when `key` changes; null until created.
 *
 * It is created in an effect, never during render. StrictMode mounts, unmounts and mounts again:
 * a resource made in render (`useMemo`) and destroyed in the effect's cleanup would be destroyed
 * by that first unmount and then used dead; here the second mount creates a fresh one.
 */
export function useOwned<T>(create: () => T, destroy: (resource: T) => void, key: DependencyList): T | null {
  const [owned, setOwned] = useState<T | null>(null)
  // `key` alone says which resource this is; `create` and `destroy` are new functions each render.
  /* oxlint-disable react-hooks/exhaustive-deps */
  useEffect(() => {
    const created = create()
    // The resource is external state owned by this effect; state hands it to the render.
    // oxlint-disable-next-line react/set-state-in-effect
    setOwned(created)
    return () => {
      destroy(created)
      setOwned(null)
    }
  }, key)
  /* oxlint-enable react-hooks/exhaustive-deps */
  return owned
}
