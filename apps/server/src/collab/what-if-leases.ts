import type RedisClient from 'ioredis'
import type { Logger } from 'pino'

/** How long a node's claim on a shared what-if outlives its last renewal. */
export const WHAT_IF_LEASE_MS = 6000

/**
 * Which node shows a board's shared what-if, as far as the other nodes can tell. A shared
 * what-if lasts while the owner's connection that showed it is open; if that connection's node
 * dies (`kill -9`), nothing closes it, so the node keeps a lease on it that the others check.
 */
export interface WhatIfLeases {
  /** This node shows the board's what-if: claimed before the change is announced, so no node finds it unclaimed. */
  claim(boardId: string): Promise<void>
  /** The what-if this node showed ended. */
  release(boardId: string): Promise<void>
  /** Keeps this node's claims on these boards alive. */
  renew(boardIds: readonly string[]): Promise<void>
  /** Whether a live node still claims the board's what-if. */
  held(boardId: string): Promise<boolean>
  close(): void
}

/**
 * One node alone: a what-if that no connection here shows (the node died with it and started
 * again) is nobody's.
 */
export const SINGLE_NODE_LEASES: WhatIfLeases = {
  claim: async () => {},
  release: async () => {},
  renew: async () => {},
  held: async () => false,
  close: () => {},
}

/** Deletes the key only while it holds this node's claim, not another node's newer one. */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

/** Leases as Redis keys with an expiry: a node that stops renewing (it died) loses them within `WHAT_IF_LEASE_MS`. */
export class RedisWhatIfLeases implements WhatIfLeases {
  private readonly redis: RedisClient

  constructor(
    connect: () => RedisClient,
    private readonly node: string,
    private readonly log: Logger,
  ) {
    this.redis = connect()
  }

  async claim(boardId: string): Promise<void> {
    await this.redis.set(keyOf(boardId), this.node, 'PX', WHAT_IF_LEASE_MS)
  }

  async release(boardId: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 1, keyOf(boardId), this.node).catch((error: unknown) => {
      this.log.warn({ err: error, boardId }, 'could not release a shared what-if’s lease (it expires on its own)')
    })
  }

  async renew(boardIds: readonly string[]): Promise<void> {
    await Promise.all(boardIds.map((boardId) => this.claim(boardId)))
  }

  async held(boardId: string): Promise<boolean> {
    return (await this.redis.exists(keyOf(boardId))) === 1
  }

  close(): void {
    this.redis.disconnect(false)
  }
}

function keyOf(boardId: string): string {
  return `concord:what-if:${boardId}`
}
