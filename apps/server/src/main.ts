// CLI entry: configuration from the environment, listen, stop gracefully on SIGTERM/SIGINT.
import { createConcordServer } from './app.ts'
import { ConfigError, loadConfig, type ConcordConfig } from './config.ts'
import { routeConsoleToLog } from './console-to-log.ts'
import { guardProcess } from './process-guard.ts'

function configOrExit(): ConcordConfig {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`concord: ${error.message}`)
    process.exit(1)
  }
}

const config = configOrExit()
const server = createConcordServer(config)
guardProcess(server.log.child({ component: 'process' }))
const { url } = await server.listen().catch((error: unknown) => {
  const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    ? `port ${config.port} on ${config.host} is already in use; stop the other process or set PORT`
    : error instanceof Error ? error.message : String(error)
  console.error(`concord: cannot start: ${reason}`)
  process.exit(1)
})
server.log.info({ url }, 'listening')
// stdout stays JSON lines for log collectors; a person starting it reads where to go on stderr.
process.stderr.write(`Concord is running: open ${url} in your browser (Ctrl+C stops it)\n`)
routeConsoleToLog(server.log.child({ component: 'console' }))

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      server.log.warn({ signal }, 'second signal during shutdown: exiting now')
      process.exit(1)
    }
    stopping = true
    server.log.info({ signal }, 'shutting down')
    server.close().then(
      () => {
        server.log.info('stopped')
        process.exit(0)
      },
      (error: unknown) => {
        server.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
