import type { FastifyInstance } from 'fastify'

/**
 * The Content-Security-Policy of the web app and the API. The app's scripts, styles, fonts and
 * tldraw's icons are all served from here; tldraw sets inline styles, draws images from blob: and
 * data: URLs (pasted images, exports) and inlines small fonts, icons and translations as data:
 * URLs, which it also fetches. It connects to this origin (the API and the websocket) and, for
 * failover, to the other nodes.
 */
export function contentSecurityPolicy(nodes: string[]): string {
  const otherNodes = nodes.flatMap((node) => [node, node.replace(/^http/, 'ws')])
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob: ${otherNodes.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Security headers on every response: the CSP (unless a route set its own, as uploaded images
 * do), no MIME sniffing, no framing (also for browsers without frame-ancestors), and no Referer
 * (links carry their token in the fragment, which is never sent; the path alone names a board).
 */
export function registerSecurityHeaders(app: FastifyInstance, nodes: string[]): void {
  const csp = contentSecurityPolicy(nodes)
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', csp)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('cross-origin-opener-policy', 'same-origin')
    return payload
  })
}
