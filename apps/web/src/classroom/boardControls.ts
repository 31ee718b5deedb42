import {
  CONTROLS_CHANNEL,
  DEFAULT_BOARD_CONTROLS,
  parseStateless,
  statelessServerMessageSchema,
  type BoardControls,
  type ControlCommand,
  type ControlsClientMessage,
} from '@concord/shared'
import { atom, type Atom } from 'tldraw'
import { featureWithState } from '../board/sync/sessionFeature.ts'
import { sendWhenSynced } from '../board/sync/sendWhenSynced.ts'

export interface BoardControlsState {
  /** The owner's controls (lock, timer, broadcast, follow-me), as the server says. */
  readonly controls: Atom<BoardControls>
  /** Why the server refused this tab's last control command, if it did. */
  readonly refusal: Atom<string | null>
  /** Sends an owner's control command; the server checks the role and answers everyone with the new state. */
  send(command: ControlCommand): void
}

/** The class controls of an open board: follows the server's state of them, and applies its lock to the board. */
export const boardControls = featureWithState<BoardControlsState>('class controls', (session) => {
  const controls = atom('board controls', DEFAULT_BOARD_CONTROLS)
  const refusal = atom<string | null>('board controls refusal', null)
  const onStateless = ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.channel !== CONTROLS_CHANNEL) return
    if (message.type === 'state') {
      controls.set(message.controls)
      session.setLocked(message.controls.locked)
    } else if (message.type === 'refused') refusal.set(message.reason)
  }
  session.provider.on('stateless', onStateless)
  const send = (command: ControlCommand) => {
    refusal.set(null)
    const message: ControlsClientMessage = { channel: CONTROLS_CHANNEL, type: 'command', command }
    sendWhenSynced(session.provider, JSON.stringify(message))
  }
  return { state: { controls, refusal, send }, stop: () => session.provider.off('stateless', onStateless) }
})
