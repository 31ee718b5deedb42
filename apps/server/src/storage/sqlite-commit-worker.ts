import { Worker } from 'node:worker_threads'
import { packWrites, type CommitReply, type CommitRequest, type CommitThreadData } from './sqlite-commit-messages.ts'
import type { DocumentWrite } from './types.ts'

interface Waiting {
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * Runs the group commit's transactions on a worker thread with its own write connection
 * (`sqlite-commit-thread.ts`), so a slow fsync stalls no room: the event loop only posts the
 * batch and is told when it is durable. WAL lets the main thread's connection read meanwhile, and
 * a read issued after a commit resolved sees it. Commits run one at a time in the order sent
 * (the group commit sends the next only after the last one answered). A thread that dies fails
 * what it was given; the next commit starts a new one.
 */
export class SqliteCommitWorker {
  private worker: Worker | undefined
  private nextId = 0
  private readonly waiting = new Map<number, Waiting>()

  constructor(private readonly data: CommitThreadData) {
    // Started now, not at the first commit: a thread takes a while to boot (seconds on a loaded
    // machine), which would hold the first acknowledgements after every start.
    this.start()
  }

  write(writes: DocumentWrite[]): Promise<void> {
    const worker = this.worker ?? this.start()
    const id = ++this.nextId
    // Referenced only while a commit is in flight: an idle thread must not keep the process alive.
    if (this.waiting.size === 0) worker.ref()
    const packed = packWrites(writes)
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, writes: packed } satisfies CommitRequest, [packed.bytes, packed.ends.buffer])
    })
  }

  /** Closes the thread's connection and waits for the thread to end. */
  async close(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = undefined
    const exited = new Promise((resolve) => worker.once('exit', resolve))
    // Referenced until it has closed its connection: the process must not end before.
    worker.ref()
    worker.postMessage({ close: true } satisfies CommitRequest)
    await exited
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sqlite-commit-thread.ts', import.meta.url), { workerData: this.data })
    worker.unref()
    worker.on('message', ({ id, error }: CommitReply) => {
      const waiting = this.waiting.get(id)
      this.waiting.delete(id)
      if (this.waiting.size === 0) worker.unref()
      if (!error) return waiting?.resolve()
      waiting?.reject(Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code }))
    })
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined
      for (const waiting of this.waiting.values()) waiting.reject(error)
      this.waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the SQLite commit thread exited (code ${code})`)))
    this.worker = worker
    return worker
  }
}
