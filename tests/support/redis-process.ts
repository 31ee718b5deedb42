import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@concord/test-kit/free-port'
import { EngineProcess } from './engine-process.ts'

/** Debian's `redis-server` on the PATH, or null when it is not installed. */
export function findRedisServer(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** A throwaway Redis on 127.0.0.1 and a free port, persisting nothing, stopped by PID. */
export class RedisProcess {
  private readonly dir = mkdtempSync(join(tmpdir(), 'concord-redis-'))
  private readonly engine = new EngineProcess('redis-server')
  private port = 0

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(binary: string): Promise<void> {
    this.port = await freePort()
    const args = ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir, '--save', '', '--appendonly', 'no']
    await this.engine.start(binary, args, /Ready to accept connections/)
  }

  /** Runs one command with `redis-cli` (Debian's redis-tools, installed with redis-server) and returns its reply. */
  command(...args: string[]): string {
    return execFileSync('redis-cli', ['-u', this.url, ...args], { encoding: 'utf8', timeout: 10_000 }).trim()
  }

  async dispose(): Promise<void> {
    await this.engine.stop('SIGTERM')
    rmSync(this.dir, { recursive: true, force: true })
  }
}
