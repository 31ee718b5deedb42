import { spawn, type ChildProcess } from 'node:child_process'

/**
 * A database engine (PostgreSQL, Redis) run as a child process for a test: started in the
 * foreground so its PID is the engine's own, ready once it prints `readyLine`, stopped by PID.
 */
export class EngineProcess {
  private child: ChildProcess | null = null
  private output = ''

  constructor(private readonly name: string) {}

  get pid(): number | undefined {
    return this.child?.pid
  }

  async start(command: string, args: string[], readyLine: RegExp, timeoutMs = 30_000): Promise<void> {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.child = child
    const exited = new Promise<never>((_resolve, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${code ?? signal}):\n${this.output}`))),
    )
    exited.catch(() => undefined)
    const ready = new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString('utf8')).slice(-8000)
        if (readyLine.test(this.output)) resolve()
      }
      child.stdout!.on('data', read)
      child.stderr!.on('data', read)
    })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.output}`)), timeoutMs)
    })
    try {
      await Promise.race([ready, exited, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Stops the engine by PID with `signal` and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    process.kill(child.pid, signal)
    await exited
  }
}
