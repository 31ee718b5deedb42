import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import { eventually } from './api-client.ts'

/** Hocuspocus' acknowledgement frame type. */
const SYNC_STATUS = 8

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a frame the provider received is an acknowledgement of an applied update. */
function isAcknowledgement(data: ArrayBuffer): boolean {
  const decoder = decoding.createDecoder(new Uint8Array(data))
  decoding.readVarString(decoder)
  return decoding.readVarUint(decoder) === SYNC_STATUS && decoding.readVarInt(decoder) === 1
}

/**
 * A writer that makes numbered edits (`e<n>` = n, from `firstEdit` on) in the map `mapName`,
 * one update each, in bursts with short pauses, and tracks which the server acknowledged. Once
 * the handshake's own acknowledgement is in, the server answers each update with one
 * acknowledgement, in order, so the k-th acknowledgement is for the k-th edit still waiting. As
 * a cross-check, whenever the provider counts no unacknowledged change, no edit may be waiting.
 * `stop()` ends the edits and the tracking (a reconnection's handshake is not counted).
 */
export async function startWriter(provider: HocuspocusProvider, firstEdit: number, random: () => number, mapName = 'chaos') {
  await eventually(() => provider.unsyncedChanges === 0, 10_000, 'the handshake acknowledged')
  const edits = provider.document.getMap<number>(mapName)
  const state = { next: firstEdit, acknowledged: [] as number[], waiting: [] as number[], stopped: false, mismatch: '' }
  const onMessage = ({ event }: { event: MessageEvent }) => {
    if (!isAcknowledgement(event.data as ArrayBuffer)) return
    const edit = state.waiting.shift()
    if (edit === undefined) state.mismatch ||= 'an acknowledgement with no edit waiting'
    else state.acknowledged.push(edit)
  }
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && state.waiting.length > 0) state.mismatch ||= `${state.waiting.length} edits waiting at 0 unsynced`
  }
  provider.on('message', onMessage)
  provider.on('unsyncedChanges', onUnsynced)
  const done = (async () => {
    while (!state.stopped) {
      const burst = 1 + Math.floor(random() * 8)
      for (let i = 0; i < burst; i++) {
        state.waiting.push(state.next)
        edits.set(`e${state.next}`, state.next)
        state.next++
      }
      await sleep(random() * 12)
    }
  })()
  return {
    state,
    async stop() {
      state.stopped = true
      await done
      provider.off('message', onMessage)
      provider.off('unsyncedChanges', onUnsynced)
      if (state.mismatch) throw new Error(`acknowledgement tracking is off: ${state.mismatch}`)
    },
  }
}
