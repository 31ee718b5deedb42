import type { Connection, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'

/** WebSocket close code for an unexpected condition on the server (RFC 6455). */
const INTERNAL_ERROR = 1011

/**
 * Hooks Hocuspocus calls without awaiting them: an error thrown there becomes an unhandled
 * rejection (and `onStateless` even re-throws it), which ends the whole process.
 */
const UNAWAITED_HOOKS = ['onStateless', 'onChange', 'onAwarenessUpdate', 'beforeBroadcastStateless'] as const

type HookPayload = { connection?: Connection; documentName?: string }

/**
 * Wraps every unawaited hook of every extension so that its failure costs at most the connection
 * that sent the message (closed with 1011, the client reconnects) or, without one, that one call
 * for that board: it is logged and goes no further. Awaited hooks need no guard, Hocuspocus
 * turns their errors into a refusal or a closed connection itself.
 */
export function guardUnawaitedHooks(extensions: Extension[], log: Logger): Extension[] {
  for (const extension of extensions) {
    for (const name of UNAWAITED_HOOKS) {
      const hook = extension[name] as ((payload: HookPayload) => Promise<unknown>) | undefined
      if (typeof hook !== 'function') continue
      const guarded = async (payload: HookPayload) => {
        try {
          return await hook.call(extension, payload)
        } catch (error) {
          // A message-less rejection is Hocuspocus' way to stop later hooks, not a failure.
          if (!(error as { message?: unknown } | undefined)?.message) throw error
          const { connection, documentName } = payload
          log.error({ err: error, hook: name, extension: extension.extensionName, documentName, socketId: connection?.socketId }, 'hook failed')
          connection?.close({ code: INTERNAL_ERROR, reason: 'server error' })
        }
      }
      Object.assign(extension, { [name]: guarded })
    }
  }
  return extensions
}
