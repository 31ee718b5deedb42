import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, openSync } from 'node:fs'

/** Every process the harness started, so one `stopAll` in a `finally` ends them all. */
const started = new Set<ChildProcess>()

export interface SpawnOptions {
  args: string[]
  env?: NodeJS.ProcessEnv
  /** CPU to pin the process to (`taskset`), when taskset exists. */
  cpu?: number
  /** File for stdout and stderr. */
  logFile: string
  cwd: string
}

const TASKSET = '/usr/bin/taskset'

/**
 * Starts `node <args>` in its own process group (so stopping it also stops anything it forked)
 * with an IPC channel using structured-clone serialization (typed arrays cross cheaply).
 */
export function spawnNode(options: SpawnOptions): ChildProcess {
  const log = openSync(options.logFile, 'a')
  const pin = options.cpu !== undefined && existsSync(TASKSET)
  const command = pin ? TASKSET : process.execPath
  const args = pin ? ['-c', String(options.cpu), process.execPath, ...options.args] : options.args
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log, 'ipc'],
    serialization: 'advanced',
    detached: true,
  })
  started.add(child)
  child.once('exit', () => started.delete(child))
  return child
}

/** Stops one process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child.pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((child) => stopProcess(child)))
}

/** Last resort on an abrupt exit of the orchestrator: kill every group still running. */
export function killAllNow(): void {
  for (const child of started) if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** Sends `message` and resolves with the first reply `accept` takes (or rejects on timeout/exit). */
export function request<T>(child: ChildProcess, message: unknown, accept: (reply: unknown) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: unknown) => {
      const error = (reply as { type?: string; message?: string }).type === 'error' ? (reply as { message: string }).message : undefined
      if (error) return finish(() => reject(new Error(`${what}: ${error}`)))
      const value = accept(reply)
      if (value !== undefined) finish(() => resolve(value))
    }
    const onExit = (code: number | null) => finish(() => reject(new Error(`${what}: process exited (${code})`)))
    const timer = setTimeout(() => finish(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`))), timeoutMs)
    function finish(settle: () => void) {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      settle()
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.send(message as object)
  })
}
