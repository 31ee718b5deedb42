import type { AddressInfo } from 'node:net'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyBaseLogger } from 'fastify'
import type { Hocuspocus } from '@hocuspocus/server'
import { pino, type DestinationStream, type Logger } from 'pino'
import { BoardAccess } from './access/board-access.ts'
import { BoardAdmin } from './boards/board-admin.ts'
import { BoardVersions } from './boards/board-versions.ts'
import { AuthThrottle } from './access/auth-throttle.ts'
import { loadLinkSecret } from './access/secret.ts'
import { AcknowledgementHold } from './collab/ack-after-commit.ts'
import { CollabAuth } from './collab/auth.ts'
import { BoardControlsExtension } from './collab/board-controls.ts'
import type { CollabContext } from './collab/context.ts'
import { FaultInjection } from './collab/fault-injection.ts'
import { FrameGuard } from './collab/frame-guard.ts'
import { UpdateValidation } from './collab/update-validation.ts'
import { AwarenessLimits } from './collab/awareness-limits.ts'
import { LabRelay } from './collab/lab-relay.ts'
import { LabReplicas } from './collab/lab-replicas.ts'
import { LabTelemetry } from './collab/lab-telemetry.ts'
import { GroupCommit, type GroupCommitTiming } from './collab/group-commit.ts'
import { SyncStateCache } from './collab/sync-state-cache.ts'
import { createHocuspocus, DEFAULT_PRE_AUTH_LIMITS, hasPendingStores } from './collab/hocuspocus.ts'
import { OutgoingQueue } from './collab/outgoing-queue.ts'
import { PresenceBatching } from './collab/presence-batching.ts'
import { createRedisRelay, redisConnector } from './collab/redis-relay.ts'
import { boardControlsRelay } from './collab/board-controls-relay.ts'
import { BoardConnections } from './collab/board-connections.ts'
import { ConnectionRevocations, revocationChannel } from './collab/connection-revocations.ts'
import { CollabStorage, DEFAULT_COMPACTION, type CompactionPolicy } from './collab/storage.ts'
import { SocketBudget } from './collab/socket-budget.ts'
import { RedisWhatIfLeases } from './collab/what-if-leases.ts'
import { StorageStatus } from './collab/storage-status.ts'
import { ViewerPresence } from './collab/viewer-presence.ts'
import { BoardEditors } from './collab/board-editors.ts'
import { EditActivity } from './collab/edit-activity.ts'
import { attachCollabWebSocket } from './collab/websocket.ts'
import { YWebsocketEndpoint } from './collab/y-websocket.ts'
import type { ConcordConfig } from './config.ts'
import { registerAnalysisRoutes } from './http/analysis.ts'
import { registerReportRoutes } from './http/report.ts'
import { registerDesignExportRoutes } from './http/design-export.ts'
import { registerAssetRoutes } from './http/assets.ts'
import { trustProxyFunction } from './http/client-address.ts'
import { registerBoardRoutes } from './http/boards.ts'
import { registerCatalogRoutes } from './http/catalog.ts'
import { registerErrorHandler } from './http/errors.ts'
import { registerHealthRoutes } from './http/health.ts'
import { registerMetricsRoute } from './http/metrics.ts'
import { registerNodeRoutes } from './http/nodes.ts'
import { registerSecurityHeaders } from './http/security-headers.ts'
import { registerMeRoutes } from './http/me.ts'
import { registerRoundGradingRoutes } from './http/round-grading.ts'
import { registerRosterRoutes } from './http/roster.ts'
import { registerReviewAssetRoutes } from './http/review-assets.ts'
import { registerRoundRoutes } from './http/rounds.ts'
import { registerSessionRoutes } from './http/sessions.ts'
import { AssignedVersions } from './peer-review/assigned-versions.ts'
import { RoundReviews } from './peer-review/round-reviews.ts'
import { ReviewFeedback } from './peer-review/review-feedback.ts'
import { RoundExports } from './peer-review/round-exports.ts'
import { Calibrations } from './peer-review/calibration.ts'
import { Roster } from './peer-review/roster.ts'
import { ReviewRounds } from './peer-review/rounds.ts'
import { StudentPage } from './peer-review/student-page.ts'
import { registerVersionRoutes } from './http/versions.ts'
import { registerWebApp } from './http/web-app.ts'
import { ConcordMetrics } from './metrics.ts'
import { createNodeId } from './node-id.ts'
import { PostgresStorage } from './storage/postgres.ts'
import { SqliteStorage, type SqliteStorageOptions } from './storage/sqlite.ts'
import type { Storage } from './storage/types.ts'

/** How long shutdown waits for pending document stores before giving up on them. */
const STORE_DRAIN_TIMEOUT_MS = 10_000

export interface ConcordServerOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream
  /** Test hooks of the SQLite storage (unused with `DATABASE_URL`). */
  storage?: SqliteStorageOptions
  /** Group-commit timing (tests shorten the retry backoff). */
  commitTiming?: GroupCommitTiming
  /** When update logs are compacted (tests shorten it). */
  compaction?: CompactionPolicy
  /** How often a partitioned replica gets a keepalive (tests shorten it). */
  labKeepaliveMs?: number
  /** False leaves the replication lab's telemetry out: the benchmark's baseline for what it costs when nobody watches. */
  labTelemetry?: boolean
}

export interface ConcordServer {
  /** Starts listening on `config.host:config.port`; `url` is the actual address (port 0 picks one). */
  listen(): Promise<{ url: string }>
  /** Graceful stop: refuse new connections, store pending documents, close sockets and the database. */
  close(): Promise<void>
  hocuspocus: Hocuspocus<CollabContext>
  storage: Storage
  commits: GroupCommit
  log: Logger
}

export function createLogger(config: Pick<ConcordConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      // Tokens travel in this header (links keep them in the URL fragment, never sent) and in the
      // `k` query parameter of /yws upgrades.
      redact: ['req.headers.authorization', 'headers.authorization'],
      serializers: { req: redactRequestToken },
    },
    destination,
  )
}

/** Fastify's request log fields, with the `k` query parameter (a link token) masked. */
function redactRequestToken(req: {
  method?: string
  url?: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url?.replace(/([?&]k=)[^&#]*/g, '$1[Redacted]'),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }
}

/**
 * One process, one port: the HTTP API, the built web app and the collaboration websocket. One
 * node on a SQLite file by default; with `DATABASE_URL` and `REDIS_URL`, one of several nodes
 * sharing PostgreSQL and relaying to each other through Redis.
 */
export function createConcordServer(config: ConcordConfig, options: ConcordServerOptions = {}): ConcordServer {
  const log = createLogger(config, options.logDestination)
  const startedAt = Date.now()
  const storage: Storage = config.databaseUrl
    ? new PostgresStorage(config.databaseUrl)
    : new SqliteStorage(config.dataDir, options.storage)
  const throttle = new AuthThrottle(config.authFailuresPerMinute)
  const access = new BoardAccess(storage, () => loadLinkSecret(storage, config.secret), throttle)
  const metrics = new ConcordMetrics()
  const commits = new GroupCommit(storage, metrics, log.child({ component: 'group-commit' }), options.commitTiming, config.storageQueueBytes)
  const acknowledgements = new AcknowledgementHold(commits, metrics)
  const labReplicas = new LabReplicas()
  const faults = new FaultInjection(labReplicas, log.child({ component: 'lab-faults' }), options.labKeepaliveMs)
  // Every frame to a client meets these rules in this order: faults after the acknowledgement
  // hold, so a delayed replica gets its acknowledgements late too.
  const outgoing = new OutgoingQueue([acknowledgements.rule, faults.outgoingRule])
  acknowledgements.releaseFrom(outgoing)

  const compaction = options.compaction ?? DEFAULT_COMPACTION
  const { limits } = config
  // This node's one name: on every Redis channel, in the Redis extension and in the lab.
  const nodeId = createNodeId()
  const connectRedis = config.redisUrl ? redisConnector(config.redisUrl, log) : null
  const controlsRelay = connectRedis ? boardControlsRelay(connectRedis, nodeId, log.child({ component: 'board-controls-relay' })) : null
  const labRelay = connectRedis ? new LabRelay(connectRedis, nodeId, log.child({ component: 'lab-relay' })) : null
  if (labRelay) faults.shareWith(labRelay)
  const whatIfLeases = connectRedis ? new RedisWhatIfLeases(connectRedis, nodeId, log.child({ component: 'what-if-leases' })) : undefined
  const controls = new BoardControlsExtension(storage, log.child({ component: 'board-controls' }), controlsRelay, whatIfLeases)
  const hocuspocus = createHocuspocus(
    [
      new CollabAuth(access, log.child({ component: 'collab-auth' }), controls),
      outgoing,
      new CollabStorage(storage, commits, metrics, log.child({ component: 'collab-storage' }), compaction.afterUpdates),
      new StorageStatus(commits, log.child({ component: 'storage-status' })),
      new FrameGuard(log.child({ component: 'collab-frames' })),
      new UpdateValidation(log.child({ component: 'update-validation' }), metrics, limits.document),
      new AwarenessLimits(log.child({ component: 'awareness-limits' }), metrics, limits.awarenessStateBytes),
      new SyncStateCache(metrics.fullStateReuses),
      new ViewerPresence(),
      new PresenceBatching(config.presenceTickMs),
      new EditActivity(),
      new BoardEditors(storage, log.child({ component: 'board-editors' })),
      controls,
      faults,
      ...(options.labTelemetry === false ? [] : [new LabTelemetry(labReplicas, nodeId, labRelay, log.child({ component: 'lab-telemetry' }))]),
      ...(config.redisUrl ? createRedisRelay(config.redisUrl, nodeId, log.child({ component: 'redis-relay' }), config.presenceTickMs) : []),
    ],
    log.child({ component: 'collab-hooks' }),
    compaction,
    { ...DEFAULT_PRE_AUTH_LIMITS, queueBytes: config.preAuthQueueBytes },
  )
  controls.attach(hocuspocus)
  metrics.gauge('concord_connections', 'Open collaboration connections', () => hocuspocus.getConnectionsCount())
  metrics.gauge('concord_documents', 'Documents loaded in memory', () => hocuspocus.getDocumentsCount())
  metrics.gauge('concord_pending_updates', 'Updates waiting for their group commit', () => commits.pendingUpdates)
  metrics.gauge('concord_held_acks', 'Acknowledgements waiting for their commit', () => outgoing.heldCount())
  const revocations = new ConnectionRevocations(
    new BoardConnections(hocuspocus),
    connectRedis ? revocationChannel(connectRedis, nodeId, log.child({ component: 'revocations' })) : null,
  )
  const admin = new BoardAdmin(storage, access, hocuspocus, log.child({ component: 'board-admin' }), revocations)
  const versions = new BoardVersions(storage, hocuspocus, log.child({ component: 'board-versions' }))
  const rounds = new ReviewRounds(storage)

  let closing: Promise<void> | undefined
  const trustProxy = trustProxyFunction(config.trustProxy)
  // `request.ip` (and so every rate limit's key) follows TRUST_PROXY, as the websocket's address does.
  const app = Fastify({ loggerInstance: log as FastifyBaseLogger, return503OnClosing: true, trustProxy })
  registerErrorHandler(app)
  registerSecurityHeaders(app, config.nodes)
  app.register(rateLimit, { global: false })
  // Registered as a plugin so it loads after rate-limit, whose route hook must see these routes.
  app.register(async (api) => {
    registerHealthRoutes(api, { hocuspocus, storage, commits, startedAt, isClosing: () => closing !== undefined })
    registerMetricsRoute(api, metrics)
    registerBoardRoutes(api, { storage, access, admin, createLimit: config.boardCreateLimit })
    registerAssetRoutes(api, { storage, access, quotaBytes: config.assetQuotaBytes })
    const assigned = new AssignedVersions(storage, versions)
    registerVersionRoutes(api, { access, versions })
    registerReviewAssetRoutes(api, { storage, assigned })
    registerAnalysisRoutes(api, { access, admin, versions })
    registerReportRoutes(api, { access, admin, versions, storage })
    registerDesignExportRoutes(api, { access, admin })
    registerSessionRoutes(api, {
      storage,
      access,
      createLimit: config.boardCreateLimit,
      closeSessionConnections: (session, generation) => admin.closeInstructorConnections(session, generation),
    })
    registerRosterRoutes(api, {
      storage,
      access,
      roster: new Roster(storage, access.students, rounds),
      closeStudentConnections: (boardId, key, generation) => admin.closeStudentConnections(boardId, key, generation),
    })
    const feedback = new ReviewFeedback(storage)
    registerRoundRoutes(api, { storage, access, rounds })
    registerRoundGradingRoutes(api, { storage, access, rounds, feedback, exports: new RoundExports(storage, versions) })
    registerMeRoutes(api, {
      access,
      page: new StudentPage(storage, access.students, rounds),
      reviews: new RoundReviews(storage),
      feedback,
      calibrations: new Calibrations(storage),
      assigned,
    })
    registerCatalogRoutes(api)
    registerNodeRoutes(api, config.nodes)
  })
  registerWebApp(app, config.webDist)

  const budget = new SocketBudget({
    preAuthSocketBytes: config.preAuthQueueBytes,
    preAuthTotalBytes: config.preAuthTotalBytes,
    connectionsPerAddress: config.connectionsPerAddress,
  })
  metrics.gauge('concord_preauth_bytes', 'Bytes sent by sockets not yet authenticated', () => budget.heldPreAuthBytes)
  const collabSocket = attachCollabWebSocket(app.server, hocuspocus, {
    log: log.child({ component: 'collab-socket' }),
    budget,
    trustProxy,
    allowedOrigins: config.allowedOrigins,
    retryAfter: (address) => throttle.retryAfter(address),
    yws: new YWebsocketEndpoint(hocuspocus, access, log.child({ component: 'y-websocket' })),
    frames: limits.frames,
    metrics,
  })

  async function shutdown(): Promise<void> {
    collabSocket.stopAccepting()
    const httpClosed = app.close()
    // Closing the last connection of a document compacts it at once; flush covers the rest.
    hocuspocus.closeConnections()
    hocuspocus.flushPendingStores()
    const deadline = Date.now() + STORE_DRAIN_TIMEOUT_MS
    while (hasPendingStores(hocuspocus) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    if (hasPendingStores(hocuspocus)) log.error('shutdown: some documents could not be compacted')
    collabSocket.closeAll()
    await httpClosed
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    revocations.close()
    await commits.close()
    if (commits.pendingUpdates > 0) log.error({ updates: commits.pendingUpdates }, 'shutdown: unacknowledged updates could not be stored')
    await storage.close()
  }

  return {
    hocuspocus,
    storage,
    commits,
    log,
    async listen() {
      // Fails the start when the database cannot be reached or migrated (PostgreSQL migrates here).
      await storage.ping()
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
