import {
  LAB_CHANNEL,
  parseStateless,
  statelessServerMessageSchema,
  type FaultCommand,
  type LabClientMessage,
} from '@concord/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { atom, type Atom } from 'tldraw'
import { sendWhenSynced } from '../board/sync/sendWhenSynced.ts'
import { EMPTY_LAB_STATE, reduceLab, type LabState } from './labState.ts'

/**
 * A lab viewer's link to the server's telemetry: subscribes on the board's own connection (again
 * after every reconnect, since the server forgets subscriptions with the connection), folds
 * what arrives into `state`, and sends the owner's fault commands.
 */
export class LabClient {
  readonly state: Atom<LabState> = atom('lab state', EMPTY_LAB_STATE)
  private readonly stops: Array<() => void> = []

  constructor(private readonly provider: HocuspocusProvider) {
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.channel !== LAB_CHANNEL) return
      if (message.type === 'invalid') {
        console.warn(`Concord lab: ignored a malformed telemetry message (${message.reason})`)
        return
      }
      this.state.update((state) => reduceLab(state, message))
    }
    const subscribe = () => this.send({ channel: LAB_CHANNEL, type: 'subscribe' })
    provider.on('stateless', onStateless)
    provider.on('synced', subscribe)
    this.stops.push(() => {
      provider.off('stateless', onStateless)
      provider.off('synced', subscribe)
    })
    if (provider.isSynced) subscribe()
  }

  fault(command: FaultCommand): void {
    this.state.update((state) => ({ ...state, refusal: null }))
    const message: LabClientMessage = { channel: LAB_CHANNEL, type: 'fault', command }
    sendWhenSynced(this.provider, JSON.stringify(message))
  }

  destroy(): void {
    this.send({ channel: LAB_CHANNEL, type: 'unsubscribe' })
    for (const stop of this.stops.splice(0)) stop()
  }

  private send(message: LabClientMessage): void {
    this.provider.sendStateless(JSON.stringify(message))
  }
}
