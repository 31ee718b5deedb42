// The floor: a plain `ws` server that relays every message to the other sockets of its room (the
// URL path), with no protocol, state or storage. PORT from the environment.
import { WebSocketServer, type WebSocket } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT) })

server.on('connection', (socket, request) => {
  const name = request.url ?? '/'
  let room = rooms.get(name)
  if (!room) rooms.set(name, (room = new Set()))
  room.add(socket)
  socket.on('message', (data: Buffer) => {
    for (const peer of room) if (peer !== socket) peer.send(data)
  })
  socket.on('close', () => {
    room.delete(socket)
    if (room.size === 0) rooms.delete(name)
  })
})
server.on('listening', () => console.info('listening'))
