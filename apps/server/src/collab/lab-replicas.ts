import type { Connection } from '@hocuspocus/server'
import type { Fault } from '@concord/shared'
import type { FaultVerdict } from './fault-book.ts'

export type FaultListener = (documentName: string, faults: Fault[], healedAt: number | null) => void

/** Sees every frame to and from a replica with its fate (undefined: on at once), before the fault is applied. */
export interface FrameObserver {
  incoming(connection: Connection, frame: Uint8Array, fate: FaultVerdict): void
  outgoing(connection: Connection, frame: Uint8Array, fate: FaultVerdict): void
}

/**
 * What the lab's two extensions share about replicas, so neither depends on the other: who each
 * replica is (its Yjs client id), the faults on each board, and every frame to and from a replica.
 * The fault injection writes the faults and taps the frames; the telemetry reads and observes them.
 */
export class LabReplicas {
  private readonly reportedClientIds = new WeakMap<Connection, number>()
  private readonly faultLists = new Map<string, Fault[]>()
  private readonly faultListeners: FaultListener[] = []
  private observer: FrameObserver | undefined

  /**
   * A replica's self-report names its client id. A connection cannot claim another replica's
   * client id (and so draw or dodge its faults): the claim holds only if its awareness announces
   * that id, or nothing yet. Returns whether it holds.
   */
  claim(connection: Connection, clientId: number): boolean {
    if (this.reportedClientIds.get(connection) === clientId) return true
    const announced = connection.document.getClients(connection)
    if (announced.size > 0 && !announced.has(clientId)) return false
    this.reportedClientIds.set(connection, clientId)
    return true
  }

  /** The replica's Yjs client id: from its self-report, else the first client in its awareness. */
  clientIdOf(connection: Connection): number | null {
    const reported = this.reportedClientIds.get(connection)
    if (reported !== undefined) return reported
    for (const clientId of connection.document.getClients(connection)) return clientId as number
    return null
  }

  /** The board's faults changed (`healedAt` when something was healed). */
  setFaults(documentName: string, faults: Fault[], healedAt: number | null): void {
    if (faults.length === 0) this.faultLists.delete(documentName)
    else this.faultLists.set(documentName, faults)
    for (const listener of this.faultListeners) listener(documentName, faults, healedAt)
  }

  /** The board's faults are gone with its last connection; nobody is left to tell. */
  forgetFaults(documentName: string): void {
    this.faultLists.delete(documentName)
  }

  /** Called with the board's faults whenever they change. */
  onFaults(listener: FaultListener): void {
    this.faultListeners.push(listener)
  }

  faults(documentName: string): Fault[] {
    return this.faultLists.get(documentName) ?? []
  }

  faultOf(connection: Connection): Fault | undefined {
    const faults = this.faultLists.get(connection.document.name)
    if (!faults) return undefined
    const clientId = this.clientIdOf(connection)
    return faults.find((fault) => fault.clientId === clientId)
  }

  /** The one observer of frames (the lab telemetry). */
  observeFrames(observer: FrameObserver): void {
    this.observer = observer
  }

  incoming(connection: Connection, frame: Uint8Array, fate: FaultVerdict): void {
    this.observer?.incoming(connection, frame, fate)
  }

  outgoing(connection: Connection, frame: Uint8Array, fate: FaultVerdict): void {
    this.observer?.outgoing(connection, frame, fate)
  }
}
