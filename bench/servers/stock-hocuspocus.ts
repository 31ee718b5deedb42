// The baseline: Hocuspocus 4.7 as its README starts it, default settings, no extensions (no
// authentication, no storage). PORT from the environment.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true })
await server.listen()
console.info('listening')
