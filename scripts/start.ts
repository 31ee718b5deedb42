// `pnpm start`: build the web app when it is missing or stale, then run the server in this process.
import { ensureWebBuild } from './lib/web-build.ts'

ensureWebBuild()
await import('../apps/server/src/main.ts')
