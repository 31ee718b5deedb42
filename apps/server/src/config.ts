import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import proxyAddr from '@fastify/proxy-addr'
import { z } from 'zod'
import { DEFAULT_AWARENESS_STATE_BYTES } from './collab/awareness-limits.ts'
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './collab/document-limits.ts'
import { DEFAULT_FRAME_LIMITS, type FrameLimits } from './collab/frame-limits.ts'
import { DEFAULT_PRESENCE_TICK_MS } from './collab/presence-tick.ts'

/** The built web app of this repository, found from the server's own source location. */
const REPO_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** A positive integer setting with a default, and messages that name it. */
function count(name: string, fallback: number, min = 1) {
  return z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be an integer`)
    .min(min, `${name} must be at least ${min}`)
    .default(fallback)
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be an integer')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  CONCORD_SECRET: z.string().min(16, 'CONCORD_SECRET must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  WEB_DIST: z.string().default(REPO_WEB_DIST),
  BOARD_CREATE_LIMIT: z.coerce
    .number({ error: 'BOARD_CREATE_LIMIT must be a number' })
    .int('BOARD_CREATE_LIMIT must be an integer')
    .min(1, 'BOARD_CREATE_LIMIT must be at least 1')
    .default(30),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  CONCORD_NODES: z.string().optional(),
  CONCORD_MAX_DOCUMENT_BYTES: count('CONCORD_MAX_DOCUMENT_BYTES', DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes),
  CONCORD_MAX_RECORDS: count('CONCORD_MAX_RECORDS', DEFAULT_DOCUMENT_LIMITS.maxRecords),
  CONCORD_MAX_DEPTH: count('CONCORD_MAX_DEPTH', DEFAULT_DOCUMENT_LIMITS.maxDepth),
  CONCORD_MAX_ENTRIES: count('CONCORD_MAX_ENTRIES', DEFAULT_DOCUMENT_LIMITS.maxEntries),
  CONCORD_MAX_STRING_LENGTH: count('CONCORD_MAX_STRING_LENGTH', DEFAULT_DOCUMENT_LIMITS.maxStringLength),
  CONCORD_MAX_UPDATE_OPERATIONS: count('CONCORD_MAX_UPDATE_OPERATIONS', DEFAULT_DOCUMENT_LIMITS.maxStructsPerUpdate),
  CONCORD_AWARENESS_PER_SECOND: count('CONCORD_AWARENESS_PER_SECOND', DEFAULT_FRAME_LIMITS.awarenessPerSecond),
  CONCORD_AWARENESS_STATE_BYTES: count('CONCORD_AWARENESS_STATE_BYTES', DEFAULT_AWARENESS_STATE_BYTES),
  CONCORD_MESSAGES_PER_SECOND: count('CONCORD_MESSAGES_PER_SECOND', DEFAULT_FRAME_LIMITS.messagesPerSecond),
  CONCORD_PRESENCE_TICK_MS: count('CONCORD_PRESENCE_TICK_MS', DEFAULT_PRESENCE_TICK_MS, 0),
  CONCORD_SECRET_FILE: z.string().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  PREAUTH_QUEUE_KB: count('PREAUTH_QUEUE_KB', 64),
  PREAUTH_TOTAL_MB: count('PREAUTH_TOTAL_MB', 32),
  CONNECTIONS_PER_ADDRESS: count('CONNECTIONS_PER_ADDRESS', 1000),
  AUTH_FAILURES_PER_MINUTE: count('AUTH_FAILURES_PER_MINUTE', 60),
  STORAGE_QUEUE_MB: count('STORAGE_QUEUE_MB', 256),
  ASSET_QUOTA_MB: count('ASSET_QUOTA_MB', 200),
})

export interface ConcordConfig {
  port: number
  host: string
  /** Absolute path of the data directory (`DATA_DIR`, relative to the working directory). */
  dataDir: string
  /**
   * `CONCORD_SECRET`, or the content of `CONCORD_SECRET_FILE`; when absent the server generates
   * one and keeps it in its database.
   */
  secret: string | undefined
  logLevel: (typeof LOG_LEVELS)[number]
  /** Absolute path of the built web app. */
  webDist: string
  /** Boards one client address may create per minute. */
  boardCreateLimit: number
  /** `DATABASE_URL`: shared PostgreSQL storage instead of the SQLite file in `dataDir`. */
  databaseUrl: string | undefined
  /** `REDIS_URL`: relay to the other nodes through Redis. */
  redisUrl: string | undefined
  /**
   * `CONCORD_NODES`: the public base URLs of every node (comma-separated), offered to web
   * clients to fail over to; empty behind one load-balanced URL.
   */
  nodes: string[]
  /** What one connection may write and send (`CONCORD_MAX_*`, `CONCORD_AWARENESS_*`, `CONCORD_MESSAGES_PER_SECOND`). */
  limits: CollabLimits
  /**
   * `CONCORD_PRESENCE_TICK_MS`: each connection gets at most one presence (awareness) frame per
   * document this often, with every change since the last; 0 sends each change at once.
   */
  presenceTickMs: number
  /**
   * `ALLOWED_ORIGINS`: the page origins whose websocket upgrades are accepted (comma-separated);
   * by default the server's own origin (that of the upgrade's Host) and `nodes`.
   */
  allowedOrigins: string[]
  /** `TRUST_PROXY`: which `X-Forwarded-For` hops to believe for the client address (Fastify's `trustProxy`). */
  trustProxy: boolean | string[]
  /** What unauthenticated sockets may hold: each (`PREAUTH_QUEUE_KB`) and all together (`PREAUTH_TOTAL_MB`). */
  preAuthQueueBytes: number
  preAuthTotalBytes: number
  /** `CONNECTIONS_PER_ADDRESS`: open websockets one client address may hold. */
  connectionsPerAddress: number
  /** `AUTH_FAILURES_PER_MINUTE`: refused link tokens one client address may present per minute. */
  authFailuresPerMinute: number
  /** `STORAGE_QUEUE_MB`: bytes of edits kept in memory for storage while it fails; beyond it edits are refused. */
  storageQueueBytes: number
  /** `ASSET_QUOTA_MB`: bytes of uploaded images one board may hold. */
  assetQuotaBytes: number
}

export interface CollabLimits {
  document: DocumentLimits
  frames: FrameLimits
  awarenessStateBytes: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Reads the configuration from environment variables; empty values count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConcordConfig {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message))
  }
  const values = parsed.data
  const nodes = parseNodes(values.CONCORD_NODES ?? '')
  if (values.REDIS_URL && !values.DATABASE_URL) {
    // Nodes relaying to each other but each storing in its own SQLite file would diverge.
    throw new ConfigError(['REDIS_URL needs DATABASE_URL: nodes that relay through Redis must share one PostgreSQL'])
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: resolve(values.DATA_DIR),
    secret: values.CONCORD_SECRET ?? readSecretFile(values.CONCORD_SECRET_FILE),
    logLevel: values.LOG_LEVEL,
    webDist: resolve(values.WEB_DIST),
    boardCreateLimit: values.BOARD_CREATE_LIMIT,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    nodes,
    allowedOrigins: values.ALLOWED_ORIGINS === undefined ? nodes : parseOrigins(values.ALLOWED_ORIGINS),
    trustProxy: parseTrustProxy(values.TRUST_PROXY ?? 'false'),
    preAuthQueueBytes: values.PREAUTH_QUEUE_KB * KIB,
    preAuthTotalBytes: values.PREAUTH_TOTAL_MB * MIB,
    connectionsPerAddress: values.CONNECTIONS_PER_ADDRESS,
    authFailuresPerMinute: values.AUTH_FAILURES_PER_MINUTE,
    storageQueueBytes: values.STORAGE_QUEUE_MB * MIB,
    assetQuotaBytes: values.ASSET_QUOTA_MB * MIB,
    presenceTickMs: values.CONCORD_PRESENCE_TICK_MS,
    limits: {
      document: {
        maxDocumentBytes: values.CONCORD_MAX_DOCUMENT_BYTES,
        maxRecords: values.CONCORD_MAX_RECORDS,
        maxDepth: values.CONCORD_MAX_DEPTH,
        maxEntries: values.CONCORD_MAX_ENTRIES,
        maxStringLength: values.CONCORD_MAX_STRING_LENGTH,
        maxStructsPerUpdate: values.CONCORD_MAX_UPDATE_OPERATIONS,
      },
      frames: {
        ...DEFAULT_FRAME_LIMITS,
        awarenessPerSecond: values.CONCORD_AWARENESS_PER_SECOND,
        messagesPerSecond: values.CONCORD_MESSAGES_PER_SECOND,
      },
      awarenessStateBytes: values.CONCORD_AWARENESS_STATE_BYTES,
    },
  }
}

const KIB = 1024
const MIB = 1024 * KIB

/** The secret kept in a file outside the database (e.g. a mounted secret), trimmed of its line end. */
function readSecretFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  let secret: string
  try {
    secret = readFileSync(path, 'utf8').trim()
  } catch (error) {
    throw new ConfigError([`CONCORD_SECRET_FILE cannot be read: ${(error as Error).message}`])
  }
  if (secret.length < 16) throw new ConfigError(['CONCORD_SECRET_FILE must hold at least 16 characters'])
  return secret
}

function parseOrigins(list: string): string[] {
  const origins = list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')
  const invalid = origins.filter((origin) => !URL.canParse(origin) || new URL(origin).origin !== origin.replace(/\/$/, ''))
  if (invalid.length > 0) throw new ConfigError([`ALLOWED_ORIGINS must list origins like https://concord.example.org; not: ${invalid.join(', ')}`])
  return origins.map((origin) => new URL(origin).origin)
}

/**
 * `false` (default: the socket's peer is the client), `true` (believe every hop: only when every
 * request comes through the proxy), or the proxies' addresses and CIDR ranges (`loopback`,
 * `uniquelocal` and the like name common ranges).
 */
function parseTrustProxy(value: string): boolean | string[] {
  const trimmed = value.trim().toLowerCase()
  if (trimmed === 'false') return false
  if (trimmed === 'true') return true
  const entries = trimmed.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
  try {
    proxyAddr.compile(entries)
  } catch (error) {
    throw new ConfigError([`TRUST_PROXY must be true, false or a list of addresses and CIDR ranges: ${(error as Error).message}`])
  }
  return entries
}

function parseNodes(list: string): string[] {
  const nodes = list.split(',').map((node) => node.trim()).filter((node) => node !== '')
  const invalid = nodes.filter((node) => !URL.canParse(node) || !/^https?:$/.test(new URL(node).protocol))
  if (invalid.length > 0) throw new ConfigError([`CONCORD_NODES must list http(s) URLs; not: ${invalid.join(', ')}`])
  return nodes.map((node) => new URL(node).origin)
}
