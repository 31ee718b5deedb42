import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = new URL('../..', import.meta.url).pathname

/** One pino log line of the server. */
export type LogRecord = Record<string, unknown> & { msg?: string }

export interface ServerOptions {
  /** Extra environment for the server (e.g. a low BOARD_CREATE_LIMIT). */
  env?: Record<string, string>
}

/** The server's CLI, relative to the repository. */
const SERVER_ENTRY = 'apps/server/src/main.ts'

/**
 * The real Concord server in its own process, on 127.0.0.1, with a temporary data directory.
 * Started and stopped by PID; restarts reuse the same port and data so clients can reconnect.
 */
export class ServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'concord-test-'))
  private child: ChildProcess | null = null
  private exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null
  private port = 0
  private logs: LogRecord[] = []
  private waiters = new Set<() => void>()
  private output = ''

  constructor(private readonly options: ServerOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  /** Number of log lines so far: pass it to `waitForLog` to consider only later lines. */
  mark(): number {
    return this.logs.length
  }

  /** Starts `entry` (a script relative to the repository; by default the server's CLI). */
  async start(entry = SERVER_ENTRY): Promise<void> {
    if (this.child) throw new Error('server already running')
    const since = this.mark()
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'info',
        BOARD_CREATE_LIMIT: '1000',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
    let pending = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) this.ingest(line)
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.output = (this.output + chunk).slice(-8000)
    })
    child.once('exit', () => {
      if (this.child === child) this.child = null
      this.wake()
    })
    const listening = await this.waitForLog((r) => r.msg === 'listening', { since, timeoutMs: 30_000 })
    this.port = Number(new URL(String(listening.url)).port)
  }

  private ingest(line: string): void {
    this.output = (this.output + line + '\n').slice(-8000)
    try {
      this.logs.push(JSON.parse(line) as LogRecord)
      this.wake()
    } catch {
      // Not a log record (e.g. a stack trace continuation); kept in `output` for diagnostics.
    }
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter()
  }

  /** The log records after `since` (a `mark()`). */
  logsSince(since: number): LogRecord[] {
    return this.logs.slice(since)
  }

  /** Resolves with the first log record (after `since`) matching `predicate`. */
  waitForLog(
    predicate: (record: LogRecord) => boolean,
    { since = 0, timeoutMs = 15_000 }: { since?: number; timeoutMs?: number } = {},
  ): Promise<LogRecord> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs.slice(since).find(predicate)
        if (found) return done(() => resolve(found))
        if (!this.child) done(() => reject(new Error(`server exited while waiting for a log line\n${this.output}`)))
      }
      const timer = setTimeout(
        () => done(() => reject(new Error(`no matching server log line within ${timeoutMs} ms\n${this.output}`))),
        timeoutMs,
      )
      const done = (settle: () => void) => {
        clearTimeout(timer)
        this.waiters.delete(check)
        settle()
      }
      this.waiters.add(check)
      check()
    })
  }

  /** Stops the server with `signal` and waits for the process to exit; resolves with its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child
    if (!child || child.pid === undefined) return null
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    process.kill(child.pid, signal)
    return exited
  }

  /** Resolves when the running (or last) server process exits, however it ends. */
  async exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exit) throw new Error('server never started')
    return this.exit
  }

  /** Stops the server and removes its data directory. */
  async dispose(): Promise<void> {
    await this.stop('SIGKILL')
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
