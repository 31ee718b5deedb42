import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DEFAULT_AWARENESS_STATE_BYTES } from './collab/awareness-limits.ts'
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './collab/document-limits.ts'
import { DEFAULT_FRAME_LIMITS, type FrameLimits } from './collab/frame-limits.ts'

/** The built web app of this repository, found from the server's own source location. */
const REPO_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** A positive integer setting with its default. */
function limit(name: string, fallback: number) {
  return z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be an integer`)
    .min(1, `${name} must be at least 1`)
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
  CONCORD_MAX_DOCUMENT_BYTES: limit('CONCORD_MAX_DOCUMENT_BYTES', DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes),
  CONCORD_MAX_RECORDS: limit('CONCORD_MAX_RECORDS', DEFAULT_DOCUMENT_LIMITS.maxRecords),
  CONCORD_MAX_DEPTH: limit('CONCORD_MAX_DEPTH', DEFAULT_DOCUMENT_LIMITS.maxDepth),
  CONCORD_MAX_ENTRIES: limit('CONCORD_MAX_ENTRIES', DEFAULT_DOCUMENT_LIMITS.maxEntries),
  CONCORD_MAX_STRING_LENGTH: limit('CONCORD_MAX_STRING_LENGTH', DEFAULT_DOCUMENT_LIMITS.maxStringLength),
  CONCORD_MAX_UPDATE_OPERATIONS: limit('CONCORD_MAX_UPDATE_OPERATIONS', DEFAULT_DOCUMENT_LIMITS.maxStructsPerUpdate),
  CONCORD_AWARENESS_PER_SECOND: limit('CONCORD_AWARENESS_PER_SECOND', DEFAULT_FRAME_LIMITS.awarenessPerSecond),
  CONCORD_AWARENESS_STATE_BYTES: limit('CONCORD_AWARENESS_STATE_BYTES', DEFAULT_AWARENESS_STATE_BYTES),
  CONCORD_MESSAGES_PER_SECOND: limit('CONCORD_MESSAGES_PER_SECOND', DEFAULT_FRAME_LIMITS.messagesPerSecond),
})

export interface ConcordConfig {
  port: number
  host: string
  /** Absolute path of the data directory (`DATA_DIR`, relative to the working directory). */
  dataDir: string
  /** `CONCORD_SECRET`; when absent the server generates one and keeps it in its database. */
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
}

export interface CollabLimits {
  document: DocumentLimits
  frames: FrameLimits
  awarenessStateBytes: number
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  document: DEFAULT_DOCUMENT_LIMITS,
  frames: DEFAULT_FRAME_LIMITS,
  awarenessStateBytes: DEFAULT_AWARENESS_STATE_BYTES,
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
  if (values.REDIS_URL && !values.DATABASE_URL) {
    // Nodes relaying to each other but each storing in its own SQLite file would diverge.
    throw new ConfigError(['REDIS_URL needs DATABASE_URL: nodes that relay through Redis must share one PostgreSQL'])
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: resolve(values.DATA_DIR),
    secret: values.CONCORD_SECRET,
    logLevel: values.LOG_LEVEL,
    webDist: resolve(values.WEB_DIST),
    boardCreateLimit: values.BOARD_CREATE_LIMIT,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    nodes: parseNodes(values.CONCORD_NODES ?? ''),
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

function parseNodes(list: string): string[] {
  const nodes = list.split(',').map((node) => node.trim()).filter((node) => node !== '')
  const invalid = nodes.filter((node) => !URL.canParse(node) || !/^https?:$/.test(new URL(node).protocol))
  if (invalid.length > 0) throw new ConfigError([`CONCORD_NODES must list http(s) URLs; not: ${invalid.join(', ')}`])
  return nodes.map((node) => new URL(node).origin)
}
