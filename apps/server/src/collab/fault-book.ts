import type { Fault, FaultCommand } from '@concord/shared'

/** What a fault command changed. */
export interface FaultChange {
  /** Client ids whose fault started, changed or ended (empty: nothing changed). */
  changed: number[]
  /** Client ids that were partitioned and are healed now: they must resynchronise. */
  resync: number[]
}

/** What happens to one frame to or from a replica. */
export type FaultVerdict = { drop: true } | { delayMs: number } | undefined

/**
 * The faults injected on one board, by replica (Yjs client id). Pure: the extension feeds it
 * commands and the clock, and asks it what to do with each frame.
 *
 * A replica is partitioned, delayed, both (the partition wins), or healthy (no entry). Latency 0
 * without a partition is no fault. Healing a partition asks for a resync; healing latency does
 * not (delayed frames still arrive).
 */
export class FaultBook {
  private readonly faults = new Map<number, Fault>()

  apply(command: FaultCommand, now: number): FaultChange {
    switch (command.op) {
      case 'partition': {
        const fault = this.faults.get(command.clientId)
        if (fault?.partitioned) return nothing()
        this.faults.set(command.clientId, { clientId: command.clientId, partitioned: true, latencyMs: fault?.latencyMs ?? 0, since: now })
        return { changed: [command.clientId], resync: [] }
      }
      case 'latency': {
        const fault = this.faults.get(command.clientId)
        if ((fault?.latencyMs ?? 0) === command.ms) return nothing()
        if (command.ms === 0 && !fault?.partitioned) this.faults.delete(command.clientId)
        else this.faults.set(command.clientId, { clientId: command.clientId, partitioned: fault?.partitioned ?? false, latencyMs: command.ms, since: now })
        return { changed: [command.clientId], resync: [] }
      }
      case 'heal':
        return this.heal([command.clientId])
      case 'heal-all':
        return this.heal([...this.faults.keys()])
    }
  }

  get(clientId: number | null): Fault | undefined {
    return clientId === null ? undefined : this.faults.get(clientId)
  }

  list(): Fault[] {
    return [...this.faults.values()].sort((a, b) => a.clientId - b.clientId)
  }

  get isEmpty(): boolean {
    return this.faults.size === 0
  }

  private heal(clientIds: number[]): FaultChange {
    const change = nothing()
    for (const clientId of clientIds) {
      const fault = this.faults.get(clientId)
      if (!fault) continue
      this.faults.delete(clientId)
      change.changed.push(clientId)
      if (fault.partitioned) change.resync.push(clientId)
    }
    return change
  }
}

/**
 * The fate of a frame under `fault`: dropped when partitioned; otherwise delayed by the latency,
 * and never ahead of a frame delayed earlier on the same path (`busyUntil`), so order is kept
 * when the latency is lowered.
 */
export function faultVerdict(fault: Fault | undefined, now: number, busyUntil: number): FaultVerdict {
  if (fault?.partitioned) return { drop: true }
  const due = Math.max(now + (fault?.latencyMs ?? 0), busyUntil)
  return due > now ? { delayMs: due - now } : undefined
}

function nothing(): FaultChange {
  return { changed: [], resync: [] }
}
