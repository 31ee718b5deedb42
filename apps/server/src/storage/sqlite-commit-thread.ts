// The worker thread that owns SQLite's write connection for the group commit (see
// `sqlite-commit-worker.ts`): each request is one transaction, fsync included, off the event loop.
import { parentPort, workerData } from 'node:worker_threads'
import { SqliteDatabase } from './sqlite-database.ts'
import { writeDocuments } from './sqlite-documents.ts'
import { unpackWrites, type CommitReply, type CommitRequest, type CommitThreadData } from './sqlite-commit-messages.ts'

const { path, betweenCompactionStepsModule } = workerData as CommitThreadData
const db = new SqliteDatabase(path)
// A test hook can only reach this thread as a module to import, not as a function.
const betweenCompactionSteps = betweenCompactionStepsModule
  ? ((await import(betweenCompactionStepsModule)) as { default: (documentName: string) => void }).default
  : undefined

parentPort!.on('message', (request: CommitRequest) => {
  if (request.close) {
    db.close()
    parentPort!.close()
    return
  }
  let reply: CommitReply
  try {
    writeDocuments(db, unpackWrites(request.writes), betweenCompactionSteps)
    reply = { id: request.id }
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string }
    reply = { id: request.id, error: { message: message ?? String(error), code } }
  }
  parentPort!.postMessage(reply)
})
