import { MessageType, type afterLoadDocumentPayload, type Document, type Extension } from '@hocuspocus/server'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import { MAX_FRAME_BYTES } from '@concord/shared'
import { DEFAULT_PRESENCE_TICK_MS, PresenceTick } from './presence-tick.ts'

/** Room in a frame for the document address, the message type and the update's length. */
const FRAME_HEADROOM = 1024

/** Hocuspocus 4.7's (private) awareness broadcast of a document, which this extension replaces. */
interface AwarenessBroadcast {
  broadcastAwarenessUpdate(clients: number[]): void
}

/**
 * Presence goes out once per tick per document instead of once per change: every connection of
 * a document (Hocuspocus and /yws alike, the sender included, as Hocuspocus does) gets at most
 * one awareness frame per tick, carrying the latest state of every client that changed since the
 * last one; a client that left goes out as a removal (y-protocols encodes its null state), so it
 * is never coalesced away. With 30 people drawing in a hall of 1,000, that is 12.5 frames a
 * second per receiver instead of one per cursor move. The price: a presence change waits up to
 * one tick. Document updates are not delayed.
 *
 * The update is encoded once per tick and the frame once per message address (every connection
 * of a board shares one), and the same buffer is written to each socket. A batch larger than
 * `maxFrameBytes` (what the server accepts from a client, so what any client can be expected
 * to take) is split into several frames.
 */
export class PresenceBatching implements Extension {
  extensionName = 'concord-presence-batching'

  constructor(
    private readonly tickMs = DEFAULT_PRESENCE_TICK_MS,
    private readonly maxFrameBytes = MAX_FRAME_BYTES,
  ) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    const tick = new PresenceTick(this.tickMs, (clients) => broadcast(document, clients, this.maxFrameBytes - FRAME_HEADROOM))
    // Hocuspocus calls it (after coalescing one event-loop turn) for every awareness change.
    ;(document as unknown as AwarenessBroadcast).broadcastAwarenessUpdate = (clients) => tick.add(clients)
  }
}

function broadcast(document: Document, clients: number[], maxUpdateBytes: number): void {
  const connections = document.getConnections()
  if (connections.length === 0) return
  for (const update of awarenessUpdates(document.awareness, clients, maxUpdateBytes)) {
    let address: string | undefined
    let frame: Uint8Array | undefined
    for (const connection of connections) {
      if (frame === undefined || connection.messageAddress !== address) {
        address = connection.messageAddress
        frame = awarenessFrame(address, update)
      }
      connection.send(frame)
    }
  }
}

/** The awareness update of `clients`, halved until each part fits `maxBytes` (one client's state always goes whole). */
function* awarenessUpdates(awareness: Awareness, clients: number[], maxBytes: number): Generator<Uint8Array> {
  const update = encodeAwarenessUpdate(awareness, clients)
  if (update.byteLength <= maxBytes || clients.length === 1) {
    yield update
    return
  }
  const half = Math.ceil(clients.length / 2)
  yield* awarenessUpdates(awareness, clients.slice(0, half), maxBytes)
  yield* awarenessUpdates(awareness, clients.slice(half), maxBytes)
}

/** Hocuspocus' awareness frame: the address, the message type, the update. */
function awarenessFrame(address: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, address)
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
