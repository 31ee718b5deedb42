import type { AddressInfo } from 'node:net'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyBaseLogger } from 'fastify'
import type { Hocuspocus } from '@hocuspocus/server'
import { pino, type DestinationStream, type Logger } from 'pino'
import { BoardAccess } from './access/board-access.ts'
import { BoardAdmin } from './boards/board-admin.ts'
import { BoardVersions } from './boards/board-versions.ts'
import { loadLinkSecret } from './access/secret.ts'
import { CollabAuth } from './collab/auth.ts'
import type { CollabContext } from './collab/context.ts'
import { FrameGuard } from './collab/frame-guard.ts'
import { createHocuspocus, hasPendingStores } from './collab/hocuspocus.ts'
import { CollabStorage } from './collab/storage.ts'
import { ViewerPresence } from './collab/viewer-presence.ts'
import { attachCollabWebSocket } from './collab/websocket.ts'
import type { ConcordConfig } from './config.ts'
import { registerAssetRoutes } from './http/assets.ts'
import { registerBoardRoutes } from './http/boards.ts'
import { registerErrorHandler } from './http/errors.ts'
import { registerHealthRoutes } from './http/health.ts'
import { registerVersionRoutes } from './http/versions.ts'
import { registerWebApp } from './http/web-app.ts'
import { SqliteStorage } from './storage/sqlite.ts'
import type { Storage } from './storage/types.ts'

/** How long shutdown waits for pending document stores before giving up on them. */
const STORE_DRAIN_TIMEOUT_MS = 10_000

export interface ConcordServerOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream
}

export interface ConcordServer {
  /** Starts listening on `config.host:config.port`; `url` is the actual address (port 0 picks one). */
  listen(): Promise<{ url: string }>
  /** Graceful stop: refuse new connections, store pending documents, close sockets and the database. */
  close(): Promise<void>
  hocuspocus: Hocuspocus<CollabContext>
  storage: Storage
  log: Logger
}

export function createLogger(config: Pick<ConcordConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      // Tokens travel only in this header (links keep them in the URL fragment, never sent).
      redact: ['req.headers.authorization', 'headers.authorization'],
    },
    destination,
  )
}

/** One process, one port: the HTTP API, the built web app and the collaboration websocket. */
export function createConcordServer(config: ConcordConfig, options: ConcordServerOptions = {}): ConcordServer {
  const log = createLogger(config, options.logDestination)
  const startedAt = Date.now()
  const storage = new SqliteStorage(config.dataDir)
  const access = new BoardAccess(storage, () => loadLinkSecret(storage, config.secret))

  const hocuspocus = createHocuspocus([
    new CollabAuth(access, log.child({ component: 'collab-auth' })),
    new CollabStorage(storage, log.child({ component: 'collab-storage' })),
    new FrameGuard(log.child({ component: 'collab-frames' })),
    new ViewerPresence(),
  ])
  const admin = new BoardAdmin(storage, access, hocuspocus, log.child({ component: 'board-admin' }))
  const versions = new BoardVersions(storage, hocuspocus, log.child({ component: 'board-versions' }))

  const app = Fastify({ loggerInstance: log as FastifyBaseLogger, return503OnClosing: true })
  registerErrorHandler(app)
  app.register(rateLimit, { global: false })
  // Registered as a plugin so it loads after rate-limit, whose route hook must see these routes.
  app.register(async (api) => {
    registerHealthRoutes(api, hocuspocus, startedAt)
    registerBoardRoutes(api, { storage, access, admin, createLimit: config.boardCreateLimit })
    registerAssetRoutes(api, { storage, access })
    registerVersionRoutes(api, { access, versions })
  })
  registerWebApp(app, config.webDist)

  const collabSocket = attachCollabWebSocket(app.server, hocuspocus, log.child({ component: 'collab-socket' }))

  let closing: Promise<void> | undefined

  async function shutdown(): Promise<void> {
    collabSocket.stopAccepting()
    const httpClosed = app.close()
    // Closing the last connection of a document stores it at once; flush covers the rest.
    hocuspocus.closeConnections()
    hocuspocus.flushPendingStores()
    const deadline = Date.now() + STORE_DRAIN_TIMEOUT_MS
    while (hasPendingStores(hocuspocus) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    if (hasPendingStores(hocuspocus)) log.error('shutdown: some documents could not be stored')
    collabSocket.closeAll()
    await httpClosed
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    await storage.close()
  }

  return {
    hocuspocus,
    storage,
    log,
    async listen() {
      await access.ready()
      await app.listen({ port: config.port, host: config.host })
      const address = app.server.address() as AddressInfo
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
      return { url: `http://${host}:${address.port}` }
    },
    close() {
      closing ??= shutdown()
      return closing
    },
  }
}
