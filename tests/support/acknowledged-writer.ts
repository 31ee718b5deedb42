import type { HocuspocusProvider } from '@hocuspocus/provider'
import { syncStatus } from '@concord/test-kit/frames'
import { waitFor } from '@concord/test-kit/wait'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A writer that makes numbered edits (`e<n>` = n, from `firstEdit` on) in the map `mapName`,
 * one update each, in bursts with short pauses, and tracks which the server acknowledged. Once
 * the handshake's own acknowledgement is in, the server answers each update with one
 * acknowledgement, in order, so the k-th acknowledgement is for the k-th edit still waiting. As
 * a cross-check, whenever the provider counts no unacknowledged change, no edit may be waiting.
 * `stop()` ends the edits and the tracking (a reconnection's handshake is not counted).
 */
export async function startWriter(provider: HocuspocusProvider, firstEdit: number, random: () => number, mapName = 'chaos') {
  await waitFor(() => provider.unsyncedChanges === 0, { timeoutMs: 10_000, what: 'the handshake acknowledged' })
  const edits = provider.document.getMap<number>(mapName)
  const state = { next: firstEdit, acknowledged: [] as number[], waiting: [] as number[], stopped: false, mismatch: '' }
  const onMessage = ({ event }: { event: MessageEvent }) => {
    // Only acknowledgements of applied updates count.
    if (syncStatus(new Uint8Array(event.data as ArrayBuffer)) !== true) return
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
