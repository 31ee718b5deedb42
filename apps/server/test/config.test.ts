import { writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'
import { removeDir, tempDir } from './helpers/server.ts'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)]
  }
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', boardCreateLimit: 30, secret: undefined })
    expect(config.dataDir).toBe(join(process.cwd(), 'data'))
    expect(config.webDist).toMatch(/apps\/web\/dist$/)
    expect(isAbsolute(config.webDist)).toBe(true)
  })

  it('reads the environment and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/tmp/x', LOG_LEVEL: 'warn', BOARD_CREATE_LIMIT: '5', CONCORD_SECRET: '' })
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/tmp/x', logLevel: 'warn', boardCreateLimit: 5, secret: undefined })
  })

  it('reads the hostile-input limits, with documented defaults, and refuses values that are not positive integers', () => {
    expect(loadConfig({}).limits).toEqual({
      document: { maxDepth: 32, maxEntries: 4096, maxRecords: 20_000, maxStringLength: 100_000, maxDocumentBytes: 32 * 1024 * 1024, maxStructsPerUpdate: 10_000 },
      frames: { awarenessPerSecond: 30, messagesPerSecond: 300, unknownTypes: 3 },
      awarenessStateBytes: 8192,
    })
    const config = loadConfig({ CONCORD_MAX_DOCUMENT_BYTES: '1048576', CONCORD_AWARENESS_PER_SECOND: '10', CONCORD_MAX_DEPTH: '16' })
    expect(config.limits.document).toMatchObject({ maxDocumentBytes: 1_048_576, maxDepth: 16 })
    expect(config.limits.frames.awarenessPerSecond).toBe(10)
    expect(problemsOf({ CONCORD_MAX_RECORDS: '0', CONCORD_MESSAGES_PER_SECOND: 'many' })).toEqual([
      'CONCORD_MAX_RECORDS must be at least 1',
      'CONCORD_MESSAGES_PER_SECOND must be a number',
    ])
  })

  it('reads the multi-node settings: database, relay and the nodes offered to clients', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://concord@db:5432/concord',
      REDIS_URL: 'redis://relay:6379',
      CONCORD_NODES: 'https://n1.example.org/, https://n2.example.org',
    })
    expect(config).toMatchObject({
      databaseUrl: 'postgres://concord@db:5432/concord',
      redisUrl: 'redis://relay:6379',
      nodes: ['https://n1.example.org', 'https://n2.example.org'],
    })
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined, nodes: [] })
    expect(problemsOf({ DATABASE_URL: 'mysql://db', REDIS_URL: 'db:6379' })).toHaveLength(2)
    expect(() => loadConfig({ CONCORD_NODES: 'n1.example.org' })).toThrow(/CONCORD_NODES/)
    expect(problemsOf({ REDIS_URL: 'redis://relay:6379' })).toEqual([
      'REDIS_URL needs DATABASE_URL: nodes that relay through Redis must share one PostgreSQL',
    ])
  })

  it('has safe defaults for every limit: no proxy trusted, websockets from the own origin and the nodes', () => {
    expect(loadConfig({})).toMatchObject({
      trustProxy: false,
      allowedOrigins: [],
      preAuthQueueBytes: 64 * 1024,
      preAuthTotalBytes: 32 * 1024 * 1024,
      connectionsPerAddress: 1000,
      authFailuresPerMinute: 60,
      storageQueueBytes: 256 * 1024 * 1024,
      assetQuotaBytes: 200 * 1024 * 1024,
    })
    expect(loadConfig({ CONCORD_NODES: 'https://n1.example.org' }).allowedOrigins).toEqual(['https://n1.example.org'])
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://concord.example.org/, https://lab.example.org', TRUST_PROXY: 'loopback, 10.0.0.0/8', ASSET_QUOTA_MB: '5' })
    expect(config).toMatchObject({
      allowedOrigins: ['https://concord.example.org', 'https://lab.example.org'],
      trustProxy: ['loopback', '10.0.0.0/8'],
      assetQuotaBytes: 5 * 1024 * 1024,
    })
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(problemsOf({ TRUST_PROXY: 'not-an-address' })[0]).toMatch(/TRUST_PROXY/)
    expect(problemsOf({ ALLOWED_ORIGINS: 'concord.example.org' })[0]).toMatch(/ALLOWED_ORIGINS/)
    expect(problemsOf({ PREAUTH_QUEUE_KB: '0' })).toEqual(['PREAUTH_QUEUE_KB must be at least 1'])
  })

  it('reads the link secret from CONCORD_SECRET_FILE, outside the database', () => {
    const dir = tempDir()
    try {
      writeFileSync(join(dir, 'secret'), 'a secret kept in a file, not in the database\n')
      expect(loadConfig({ CONCORD_SECRET_FILE: join(dir, 'secret') }).secret).toBe('a secret kept in a file, not in the database')
      expect(loadConfig({ CONCORD_SECRET_FILE: join(dir, 'secret'), CONCORD_SECRET: 'the environment wins over the file' }).secret).toBe(
        'the environment wins over the file',
      )
      writeFileSync(join(dir, 'short'), 'short')
      expect(problemsOf({ CONCORD_SECRET_FILE: join(dir, 'short') })).toEqual(['CONCORD_SECRET_FILE must hold at least 16 characters'])
      expect(problemsOf({ CONCORD_SECRET_FILE: join(dir, 'missing') })[0]).toMatch(/CONCORD_SECRET_FILE cannot be read/)
    } finally {
      removeDir(dir)
    }
  })

  it('names every bad value', () => {
    const env = { PORT: 'eighty', LOG_LEVEL: 'loud', BOARD_CREATE_LIMIT: '0', CONCORD_SECRET: 'short' }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    const problems = problemsOf(env)
    expect(problems).toHaveLength(4)
    for (const name of Object.keys(env)) expect(problems.join('\n')).toContain(name)
  })
})
