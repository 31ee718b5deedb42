import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { waitFor } from '@concord/test-kit/wait'
import { createConcordServer, type ConcordServer, type ConcordServerOptions } from '../../src/app.ts'
import { loadConfig, type ConcordConfig } from '../../src/config.ts'

export type LogRecord = Record<string, unknown> & { msg?: string }

export interface TestServer {
  server: ConcordServer
  url: string
  dataDir: string
  /** Every log line the server wrote, parsed. */
  logs: LogRecord[]
  waitForLog(predicate: (record: LogRecord) => boolean, what?: string): Promise<LogRecord>
  close(): Promise<void>
}

/** A fresh temporary data directory, removed by `removeDir`. */
export function tempDir(prefix = 'concord-server-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** Starts an in-process server on 127.0.0.1 and a free port; the caller closes it. */
export async function startServer(
  overrides: Partial<ConcordConfig> = {},
  options: Omit<ConcordServerOptions, 'logDestination'> = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir()
  const config: ConcordConfig = {
    // The defaults of every limit and setting, as an unconfigured server has them.
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    secret: undefined,
    logLevel: 'info',
    // No web app built (tests that need one pass their own).
    webDist: join(dataDir, 'no-web-dist'),
    boardCreateLimit: 1000,
    databaseUrl: undefined,
    redisUrl: undefined,
    nodes: [],
    ...overrides,
  }
  const logs: LogRecord[] = []
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as LogRecord)
      }
      done()
    },
  })
  const server = createConcordServer(config, { ...options, logDestination: destination })
  const { url } = await server.listen()
  return {
    server,
    url,
    dataDir: config.dataDir,
    logs,
    waitForLog: (predicate, what = 'a log line') => waitFor(() => logs.find(predicate), { what }),
    close: () => server.close(),
  }
}
