import type RedisClient from 'ioredis'
import type { Logger } from 'pino'
import { z } from 'zod'
import { boardControlsSchema } from '@concord/shared'
import { RedisChannel } from './redis-channel.ts'

const changeSchema = z.object({ boardId: z.string(), controls: boardControlsSchema })

/** A change of one board's controls, as announced to the other nodes. */
export type BoardControlsChange = z.infer<typeof changeSchema>

export type BoardControlsRelay = RedisChannel<BoardControlsChange>

/**
 * Tells the other nodes when a board's controls change here, so a lock binds the board's
 * connections on every node, not only on the node the owner is connected to (the controls
 * themselves are in the shared database; this carries the change as it happens). Changes
 * announced while a node's subscription was down are lost: it reads them from the database
 * again when the channel says it resubscribed.
 */
export function boardControlsRelay(connect: () => RedisClient, node: string, log: Logger): BoardControlsRelay {
  return new RedisChannel({ name: 'concord:board-controls', schema: changeSchema, connect, node, log })
}
