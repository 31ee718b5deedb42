import proxyAddr from '@fastify/proxy-addr'

/**
 * The client address found at a websocket upgrade, handed to the upgrade and socket hooks in the
 * request's headers (always overwritten, so a client cannot set it).
 */
export const CLIENT_ADDRESS_HEADER = 'x-concord-client-address'

/** Decides whether a hop's address is a proxy to believe (`TRUST_PROXY`); Fastify takes the same function. */
export type TrustProxy = (address: string, hop: number) => boolean

export function trustProxyFunction(setting: boolean | string[]): TrustProxy {
  if (setting === true) return () => true
  if (setting === false) return () => false
  return proxyAddr.compile(setting)
}

/**
 * The client's address for a websocket upgrade, as Fastify finds `request.ip` for HTTP: the
 * socket's peer, or the nearest `X-Forwarded-For` entry not from a trusted proxy. Rate limits
 * and budgets key on it.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | null, trust: TrustProxy): string {
  const request = { socket: { remoteAddress }, headers: { 'x-forwarded-for': forwardedFor ?? undefined } }
  const addresses = proxyAddr.all(request as never, trust)
  return addresses[addresses.length - 1] ?? 'unknown'
}
