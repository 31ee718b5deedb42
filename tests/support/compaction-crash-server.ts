// The real server with one test hook: the process kills itself (SIGKILL) inside its first
// compaction of a board, after the snapshot is written and before the log is emptied.
import { writeSync } from 'node:fs'
import { createConcordServer } from '../../apps/server/src/app.ts'
import { loadConfig } from '../../apps/server/src/config.ts'

const server = createConcordServer(loadConfig(), {
  storage: {
    betweenCompactionSteps(documentName) {
      // Written synchronously: the process dies on the next line.
      writeSync(1, `${JSON.stringify({ level: 30, msg: 'killing the server between compaction steps', documentName })}\n`)
      process.kill(process.pid, 'SIGKILL')
    },
  },
})
const { url } = await server.listen()
server.log.info({ url }, 'listening')
