import { parseArgs } from 'node:util'

export interface ReplicaOptions {
  /** The board's page on the server, e.g. `http://localhost:3000`. */
  origin: string
  boardId: string
  token: string
  edits: number
  /** Edits per second. */
  rate: number
  /** How long to stay offline halfway through the edits (ms); 0: never. */
  offlineMs: number
}

export const USAGE = 'usage: pnpm replica <board URL as the browser shows it, http://host/b/<id>#k=<token>> [--edits N] [--offline 10s] [--rate R]'

/** Thrown for anything wrong with the command line; the message is for the user. */
export class UsageError extends Error {}

export function parseReplicaArgs(argv: string[]): ReplicaOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { edits: { type: 'string' }, offline: { type: 'string' }, rate: { type: 'string' } },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one board URL')
  const { origin, boardId, token } = parseBoardUrl(parsed.positionals[0]!)
  return {
    origin,
    boardId,
    token,
    edits: count(parsed.values.edits ?? '10', '--edits'),
    rate: positive(parsed.values.rate ?? '5', '--rate'),
    offlineMs: parsed.values.offline === undefined ? 0 : parseDuration(parsed.values.offline),
  }
}

/** `http://host/b/<id>#k=<token>`: the link a board's owner shares. */
export function parseBoardUrl(text: string): { origin: string; boardId: string; token: string } {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`not a URL: ${text.slice(0, 100)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('the board URL must start with http:// or https://')
  const boardId = /^\/b\/([^/]+)\/?$/.exec(url.pathname)?.[1]
  if (!boardId) throw new UsageError('not a board URL: its path must be /b/<board id>')
  const token = /^#k=(.+)$/.exec(url.hash)?.[1]
  if (!token) throw new UsageError('the board URL has no link token: copy the whole link, including #k=...')
  return { origin: url.origin, boardId: decodeURIComponent(boardId), token: decodeURIComponent(token) }
}

/** `10s`, `500ms`, `2m`, or a plain number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim())
  if (!match) throw new UsageError(`--offline: not a duration: ${text} (e.g. 10s, 500ms, 2m)`)
  const value = Number(match[1])
  return Math.round(match[2] === 'ms' ? value : match[2] === 'm' ? value * 60_000 : value * 1000)
}

function count(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${name}: not a whole number ≥ 0: ${text}`)
  return value
}

function positive(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name}: not a number > 0: ${text}`)
  return value
}
