import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

/**
 * This process's one name among the nodes (Redis channels, the Redis extension, the lab):
 * readable as `host/pid`, plus a random part because two nodes can share both (containers on
 * the host's network, two servers in one test process), and nodes sharing an id would ignore
 * each other's messages as their own. The host is cut short: the Redis extension prefixes its
 * messages with the id's length in one byte.
 */
export function createNodeId(): string {
  return `${hostname().slice(0, 64)}/${process.pid}/${randomBytes(3).toString('hex')}`
}
