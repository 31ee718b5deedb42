// Concord's server as shipped but without the replication lab's telemetry: the baseline against
// which the benchmark shows what telemetry costs when nobody watches the lab. Configured from the
// environment like the CLI (apps/server/src/main.ts), stopped by the harness's signal.
import { createConcordServer } from '../../apps/server/src/app.ts'
import { loadConfig } from '../../apps/server/src/config.ts'

const server = createConcordServer(loadConfig(), { labTelemetry: false })
const { url } = await server.listen()
server.log.info({ url }, 'listening')
