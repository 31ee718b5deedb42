import { atom } from 'tldraw'
import { registerSW } from 'virtual:pwa-register'

/** True once a newer build of Concord is installed and waiting for this tab to let it take over. */
export const updateWaiting = atom('update waiting', false)

let registration: ServiceWorkerRegistration | undefined

/**
 * Registers the service worker that keeps the app shell available offline. A new build installs
 * in the background and waits (it does not take over open tabs on its own, which would mix two
 * versions' code in one tab); `reloadToUpdate` lets it take over and reloads.
 */
export function registerServiceWorker(): void {
  registerSW({
    immediate: true,
    onNeedRefresh: () => updateWaiting.set(true),
    onRegisteredSW: (_url, found) => {
      registration = found
    },
  })
}

/**
 * Reloads into the newest build: looks for a newer service worker first (the one that wrote a
 * board this tab cannot read may have shipped moments ago), lets a waiting one take over (skip
 * waiting), and reloads once it controls the page. Without a service worker, a plain reload.
 */
export async function reloadToUpdate(): Promise<void> {
  const current = registration ?? (await navigator.serviceWorker?.getRegistration())
  if (current) {
    await current.update().catch(() => {})
    const installing = current.installing
    if (installing) await installed(installing)
    const waiting = current.waiting
    if (waiting) {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
      waiting.postMessage({ type: 'SKIP_WAITING' })
      return
    }
  }
  window.location.reload()
}

function installed(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state !== 'installing') {
        worker.removeEventListener('statechange', check)
        resolve()
      }
    }
    worker.addEventListener('statechange', check)
    check()
  })
}
