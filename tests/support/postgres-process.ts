import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@concord/test-kit/free-port'
import { EngineProcess } from './engine-process.ts'

/** Where Debian's `postgresql` package puts the server binaries, one folder per major version. */
const DEBIAN_POSTGRES = '/usr/lib/postgresql'

/** The bin folder of the newest installed PostgreSQL (with `initdb` and `postgres`), or null. */
export function findPostgresBin(): string | null {
  if (!existsSync(DEBIAN_POSTGRES)) return null
  const versions = readdirSync(DEBIAN_POSTGRES)
    .filter((version) => existsSync(join(DEBIAN_POSTGRES, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? null : join(DEBIAN_POSTGRES, versions[0], 'bin')
}

/**
 * A throwaway PostgreSQL cluster: data and unix socket in a temporary folder, listening on
 * 127.0.0.1 and a free port, trust authentication for the `concord` superuser. `initdb` and
 * `postgres` refuse to run as root, so as root they run as the `postgres` user through `setpriv`
 * (which execs in place: the PID we hold is the postmaster's, and we stop it by that PID).
 */
export class PostgresProcess {
  private readonly dir = mkdtempSync(join(tmpdir(), 'concord-pg-'))
  private readonly engine = new EngineProcess('postgres')
  private port = 0
  private bin = ''

  get url(): string {
    return `postgres://concord@127.0.0.1:${this.port}/postgres`
  }

  /** Runs SQL with the server's own `psql`, as a test's back door into the shared database. */
  query(sql: string): string {
    return execFileSync(join(this.bin, 'psql'), [this.url, '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8', timeout: 10_000 }).trim()
  }

  async start(bin: string): Promise<void> {
    this.bin = bin
    const data = join(this.dir, 'data')
    mkdirSync(data)
    const asRoot = userInfo().uid === 0
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', this.dir])
    chmodSync(data, 0o700)
    const run = (binary: string, args: string[]): [string, string[]] =>
      asRoot
        ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', join(bin, binary), ...args]]
        : [join(bin, binary), args]
    const [initdb, initArgs] = run('initdb', ['-D', data, '-U', 'concord', '--auth=trust', '-E', 'UTF8', '--no-sync'])
    execFileSync(initdb, initArgs, { stdio: 'pipe', cwd: this.dir })
    this.port = await freePort()
    const [postgres, args] = run('postgres', [
      '-D', data,
      '-p', String(this.port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${this.dir}`,
    ])
    await this.engine.start(postgres, args, /database system is ready to accept connections/)
  }

  /** Fast shutdown (SIGINT) by PID, then the data is removed. */
  async dispose(): Promise<void> {
    await this.engine.stop('SIGINT')
    rmSync(this.dir, { recursive: true, force: true })
  }
}
