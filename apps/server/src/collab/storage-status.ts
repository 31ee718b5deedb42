import type { beforeSyncPayload, connectedPayload, Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { messageYjsSyncStep1 } from 'y-protocols/sync'
import { BOARD_CHANNEL, type StorageStatusMessage } from '@concord/shared'
import type { GroupCommit } from './group-commit.ts'
import { sendStateless } from './stateless.ts'

/** An update with no structs and no deletions (what a client with nothing new sends in step 2). */
const EMPTY_UPDATE_BYTES = 2

/** Close code for edits refused because the server cannot keep them; the provider reconnects later. */
const STORAGE_FULL = 4507

const FAILING: StorageStatusMessage = {
  channel: BOARD_CHANNEL,
  type: 'storage',
  stored: false,
  reason: 'The server cannot store edits right now. Keep this tab open: your edits are kept here and saved once it can.',
}
const FULL: StorageStatusMessage = {
  channel: BOARD_CHANNEL,
  type: 'storage',
  stored: false,
  reason: 'The server has stopped accepting edits until it can store again. Keep this tab open: your edits are kept here.',
}
const STORED: StorageStatusMessage = { channel: BOARD_CHANNEL, type: 'storage', stored: true }

/**
 * Tells clients when their edits are not being stored, rather than only holding back their
 * acknowledgements: every connection when commits start failing and when they succeed again,
 * and each new connection while they fail. Once the commit queue holds its limit, new edits are
 * refused (the connection is closed with the reason; the client keeps them and sends them again
 * after reconnecting), so a long storage outage cannot grow the server's memory without bound.
 */
export class StorageStatus implements Extension {
  extensionName = 'concord-storage-status'
  private hocuspocus: Hocuspocus | null = null

  constructor(
    private readonly commits: GroupCommit,
    private readonly log: Logger,
  ) {
    commits.onFailingChange((failing) => this.broadcast(failing ? FAILING : STORED))
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.hocuspocus = instance
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    if (this.commits.failing) sendStateless(connection, this.commits.full ? FULL : FAILING)
  }

  async beforeSync({ type, payload, documentName, connection }: beforeSyncPayload): Promise<void> {
    if (!this.commits.full || type === messageYjsSyncStep1 || payload.byteLength <= EMPTY_UPDATE_BYTES) return
    this.log.warn({ documentName, socketId: connection.socketId }, 'edit refused: the storage queue is full')
    sendStateless(connection, FULL)
    throw { code: STORAGE_FULL, reason: 'storage queue full' }
  }

  private broadcast(message: StorageStatusMessage): void {
    const connections = [...(this.hocuspocus?.documents.values() ?? [])].flatMap((document) => document.getConnections())
    sendStateless(connections, message)
  }
}
