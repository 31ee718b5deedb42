import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './errors.ts'

/** Paths that belong to the server, never to the single-page app. */
function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/collab' || path === '/healthz'
}

const NOT_BUILT =
  'The Concord web app has not been built. Run `pnpm build` (or `pnpm start`, which builds it) and restart the server.\n'

/**
 * Serves the built web app from `webDist`: content-hashed files under `/assets/` are cached
 * forever; everything else (index.html, sw.js, the manifest) is revalidated on each load, so a
 * deploy reaches clients. Unknown non-API GETs get index.html (client-side routes like
 * `/b/<id>`); unknown API routes get a JSON 404.
 */
export function registerWebApp(app: FastifyInstance, webDist: string): void {
  const built = existsSync(join(webDist, 'index.html'))
  if (built) {
    const hashedAssets = join(webDist, 'assets') + sep
    app.register(fastifyStatic, {
      root: webDist,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.startsWith(hashedAssets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  } else {
    app.log.warn({ webDist }, 'web app not built: the API and websocket work, pages answer 503')
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const path = new URL(request.url, 'http://localhost').pathname
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !isServerPath(path)
    // A missing hashed file is a stale or broken reference, not a page.
    if (!isPageRequest || path.startsWith('/assets/')) {
      throw new ApiError(404, 'not_found', `No route for ${request.method} ${path}`)
    }
    if (!built) {
      return reply.code(503).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT)
    }
    return reply.sendFile('index.html')
  })
}
