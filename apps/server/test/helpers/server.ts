import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createBoardResponseSchema, type CreateBoardResponse } from '@concord/shared'
import { createConcordServer, type ConcordServer, type ConcordServerOptions } from '../../src/app.ts'
import { loadConfig, type ConcordConfig } from '../../src/config.ts'
import { waitFor } from './wait.ts'

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

export async function createBoard(url: string, title = 'Test board'): Promise<CreateBoardResponse> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`)
  return createBoardResponseSchema.parse(await response.json())
}

/** The token carried in a link's fragment (`/b/<id>#k=<token>`). */
export function tokenOf(link: string): string {
  const token = new URL(link, 'http://localhost').hash.match(/^#k=(.+)$/)?.[1]
  if (!token) throw new Error(`no token in link ${link}`)
  return decodeURIComponent(token)
}

/** A request to the API with a link token as `Authorization: Bearer`. */
export function apiRequest(url: string, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } })
}
