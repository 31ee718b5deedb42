import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  boardDigest,
  boardInfoResponseSchema,
  capabilitiesOf,
  formatStateVector,
  LAB_CHANNEL,
  LAB_REPORT_INTERVAL_MS,
  stateVectorOf,
  type BoardInfoResponse,
  type LabClientMessage,
} from '@concord/shared'
import { parseReplicaArgs, UsageError, USAGE, type ReplicaOptions } from './args.ts'
import { firstPageId, makeEdit } from './edits.ts'

/** y-websocket has no stateless message; Concord's /yws takes Hocuspocus' number for it. */
const STATELESS = 5
const SYNC_TIMEOUT_MS = 15_000

/**
 * A headless replica of a board: joins over the y-websocket endpoint (/yws) with the stock
 * y-websocket client, makes scripted edits through the shared codec, optionally goes offline
 * halfway and comes back, reports itself to the replication lab, then prints its state vector and
 * digest and exits.
 */
async function main(options: ReplicaOptions): Promise<void> {
  const info = await checkLink(options)
  const doc = new Y.Doc()
  const user = { name: `replica ${doc.clientID}`, color: '#7c3aed' }
  const wsUrl = `${options.origin.replace(/^http/, 'ws')}/yws`
  const provider = new WebsocketProvider(wsUrl, options.boardId, doc, { params: { k: options.token }, disableBc: true })
  provider.awareness.setLocalStateField('user', user)
  const stopReports = reportOnChange(provider, doc, user)
  const stop = () => {
    stopReports()
    provider.destroy()
  }
  process.once('SIGINT', () => {
    printState(doc)
    stop()
    process.exit(130)
  })

  try {
    await until(() => provider.synced, SYNC_TIMEOUT_MS, `could not sync with ${wsUrl} within ${SYNC_TIMEOUT_MS / 1000} s`)
    say(`replica ${doc.clientID} joined board ${options.boardId} as ${info.role} over /yws`)
    if (options.edits > 0 && !capabilitiesOf(info.role).editDesign) {
      say(`the ${info.role} role may not edit: the server will drop this replica's edits`)
    }

    const pageId = firstPageId(doc)
    if (options.edits > 0 && pageId === null) throw new Error('the board has no page (an older Concord created it, and nobody has opened it since): open it in a browser once, then run the replica again')

    const interval = 1000 / options.rate
    const offlineAt = options.offlineMs > 0 ? Math.floor(options.edits / 2) : -1
    let offlineUntil = 0
    let offlineEdits = 0
    for (let index = 0; index < options.edits; index++) {
      if (index === offlineAt) {
        provider.disconnect()
        offlineUntil = Date.now() + options.offlineMs
        say(`offline for ${options.offlineMs / 1000} s`)
      }
      makeEdit(doc, index, pageId!)
      if (!provider.wsconnected) offlineEdits++
      await delay(interval)
    }
    if (offlineAt >= 0) {
      if (offlineUntil === 0) offlineUntil = Date.now() + options.offlineMs
      await delay(Math.max(0, offlineUntil - Date.now()))
      provider.connect()
      await until(() => provider.synced, SYNC_TIMEOUT_MS, 'could not resynchronise after going offline')
      say('back online')
    }
    // y-websocket has no acknowledgement: wait until every frame has left this process.
    await until(() => provider.ws !== null && provider.ws.bufferedAmount === 0, SYNC_TIMEOUT_MS, 'could not send the last edits')
    sendReport(provider, doc, user)
    say(`made ${options.edits} edits${offlineEdits > 0 ? ` (${offlineEdits} offline)` : ''}`)
    printState(doc)
  } finally {
    stop()
  }
}

/** Asks the API what the link opens, for a clear message before any websocket retries. */
async function checkLink(options: ReplicaOptions): Promise<BoardInfoResponse> {
  let response: Response
  try {
    response = await fetch(`${options.origin}/api/boards/${encodeURIComponent(options.boardId)}`, {
      headers: { authorization: `Bearer ${options.token}` },
    })
  } catch {
    throw new UsageError(`cannot reach the server at ${options.origin}`)
  }
  if (response.status === 401 || response.status === 404) throw new UsageError('the server refused this link: board not found or link invalid')
  if (!response.ok) throw new UsageError(`the server answered ${response.status} for this board`)
  return boardInfoResponseSchema.parse(await response.json())
}

function printState(doc: Y.Doc): void {
  say(`state vector: ${formatStateVector(stateVectorOf(doc))}`)
  say(`digest: ${boardDigest(doc)}`)
}

/** Sends the lab self-report on every change, at most every `LAB_REPORT_INTERVAL_MS`, and on every sync. */
function reportOnChange(provider: WebsocketProvider, doc: Y.Doc, user: { name: string; color: string }): () => void {
  let timer: NodeJS.Timeout | undefined
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined
      sendReport(provider, doc, user)
    }, LAB_REPORT_INTERVAL_MS)
  }
  const onSync = (isSynced: boolean) => {
    if (isSynced) sendReport(provider, doc, user)
  }
  doc.on('update', schedule)
  provider.on('sync', onSync)
  return () => {
    clearTimeout(timer)
    doc.off('update', schedule)
    provider.off('sync', onSync)
  }
}

function sendReport(provider: WebsocketProvider, doc: Y.Doc, user: { name: string; color: string }): void {
  if (!provider.wsconnected || !provider.ws) return
  const message: LabClientMessage = {
    channel: LAB_CHANNEL,
    type: 'report',
    report: { clientId: doc.clientID, stateVector: stateVectorOf(doc), digest: boardDigest(doc), user, pending: null },
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, STATELESS)
  encoding.writeVarString(encoder, JSON.stringify(message))
  provider.ws.send(encoding.toUint8Array(encoder))
}

/** One line for the user on stdout. */
function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function until(condition: () => boolean, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure)
    await delay(20)
  }
}

main(parseReplicaArgsOrExit()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`replica: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)

function parseReplicaArgsOrExit(): ReplicaOptions {
  try {
    return parseReplicaArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`replica: ${error.message}\n${USAGE}`)
    process.exit(2)
  }
}
