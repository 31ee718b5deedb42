// The real server with one test hook (`compaction-crash-hook.ts`): the process kills itself
// (SIGKILL) inside its first compaction of a board, after the snapshot is written and before the
// log is emptied.
import { createConcordServer } from '../../apps/server/src/app.ts'
import { loadConfig } from '../../apps/server/src/config.ts'

const server = createConcordServer(loadConfig(), {
  storage: { betweenCompactionStepsModule: new URL('./compaction-crash-hook.ts', import.meta.url).href },
})
const { url } = await server.listen()
server.log.info({ url }, 'listening')
