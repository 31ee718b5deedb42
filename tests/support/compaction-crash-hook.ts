// Runs on the server's SQLite commit thread inside its first compaction of a board, after the
// snapshot is written and before the log is emptied: the process kills itself (SIGKILL).
import { writeSync } from 'node:fs'

export default function betweenCompactionSteps(documentName: string): void {
  // Written synchronously: the process dies on the next line.
  writeSync(1, `${JSON.stringify({ level: 30, msg: 'killing the server between compaction steps', documentName })}\n`)
  process.kill(process.pid, 'SIGKILL')
}
