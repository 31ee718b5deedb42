import type { HocuspocusProvider } from '@hocuspocus/provider'

/**
 * Sends a stateless message once the provider is connected and synced. One sent earlier (the
 * document still authenticating, or the tab's shared socket reconnecting after another board
 * let go of it) can be lost, and a command the owner gave would silently not happen.
 */
export function sendWhenSynced(provider: HocuspocusProvider, payload: string): void {
  if (provider.isSynced) return provider.sendStateless(payload)
  const onSynced = () => {
    provider.off('synced', onSynced)
    provider.sendStateless(payload)
  }
  provider.on('synced', onSynced)
}
