import { z } from 'zod'
import { roleSchema } from './roles.ts'

/**
 * The replication lab's telemetry and fault-control protocol. Every message is a JSON string in a
 * Hocuspocus stateless frame on the board document's own connection (`provider.sendStateless`,
 * the `stateless` event; a /yws replica sends the same frame as y-websocket message type 5), on
 * `channel: 'lab'` of the stateless protocol (`stateless.ts`).
 *
 * Replicas are connections: `connectionId` names one connection (a reconnect is a new one);
 * `clientId` is the replica's Yjs client id (`doc.clientID`), stable across its reconnects, which
 * is what faults target so a partition survives the victim's reconnect.
 */
export const LAB_CHANNEL = 'lab'

/** How often at most a replica sends its self-report while its document changes. */
export const LAB_REPORT_INTERVAL_MS = 250

/** Upper bound of injected latency, so a mistyped number cannot park a connection for hours. */
export const MAX_LAB_LATENCY_MS = 60_000

/** A Yjs state vector as JSON: client id (decimal) → number of its operations seen. */
export const stateVectorSchema = z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative())
export type StateVectorJson = z.infer<typeof stateVectorSchema>

const clientIdSchema = z.number().int().nonnegative()

export const labUserSchema = z.object({ name: z.string().max(100), color: z.string().max(40) })
export type LabUser = z.infer<typeof labUserSchema>

/** What a replica says about itself. */
export const replicaReportSchema = z.object({
  clientId: clientIdSchema,
  stateVector: stateVectorSchema,
  /** `boardDigest` of its document. */
  digest: z.string().max(64),
  user: labUserSchema.nullable(),
  /** Local changes the server has not acknowledged yet (HocuspocusProvider's `unsyncedChanges`); null if unknown. */
  pending: z.number().int().nonnegative().nullable(),
})
export type ReplicaReport = z.infer<typeof replicaReportSchema>

// ---- client → server ----

export const faultCommandSchema = z.discriminatedUnion('op', [
  /** The server drops every data frame to and from the replica until healed. */
  z.object({ op: z.literal('partition'), clientId: clientIdSchema }),
  /** Every data frame to and from the replica waits `ms` (0 removes the latency). */
  z.object({ op: z.literal('latency'), clientId: clientIdSchema, ms: z.number().int().min(0).max(MAX_LAB_LATENCY_MS) }),
  /** Removes the replica's faults and resynchronises it. */
  z.object({ op: z.literal('heal'), clientId: clientIdSchema }),
  z.object({ op: z.literal('heal-all') }),
])
export type FaultCommand = z.infer<typeof faultCommandSchema>

export const labClientMessageSchema = z.discriminatedUnion('type', [
  /** Start receiving telemetry: a `snapshot`, then `event`s. */
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('subscribe') }),
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('unsubscribe') }),
  /** Owner only; others get a `refused` message. */
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('fault'), command: faultCommandSchema }),
  /** Sent by every replica when its document changes (at most every `LAB_REPORT_INTERVAL_MS`) and on connect. */
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('report'), report: replicaReportSchema }),
])
export type LabClientMessage = z.infer<typeof labClientMessageSchema>

// ---- server → client ----

export const replicaProtocolSchema = z.enum(['hocuspocus', 'y-websocket'])

/** A fault on one replica (by Yjs client id). */
export const faultSchema = z.object({
  clientId: clientIdSchema,
  partitioned: z.boolean(),
  latencyMs: z.number().int().nonnegative(),
  /** Epoch ms when this fault was last changed. */
  since: z.number(),
})
export type Fault = z.infer<typeof faultSchema>

export const replicaSchema = z.object({
  connectionId: z.string(),
  /** The server node it is connected to (`ServerState.nodeId`). */
  nodeId: z.string(),
  /** Yjs client id once known (from its awareness or self-report); faults need it. */
  clientId: clientIdSchema.nullable(),
  protocol: replicaProtocolSchema,
  role: roleSchema,
  /** From its awareness state (`user`) or its self-report. */
  user: labUserSchema.nullable(),
  /** Partitioned wins over delayed; both are faults in `faults`. */
  status: z.enum(['online', 'partitioned', 'delayed']),
  latencyMs: z.number().int().nonnegative(),
  connectedAt: z.number(),
  /** Its latest self-report (`at`: when the server received it). */
  report: replicaReportSchema.extend({ at: z.number() }).nullable(),
  /** When it last sent the server an update, and when the server last delivered one to it (epoch ms). */
  lastSentAt: z.number().nullable(),
  lastReceivedAt: z.number().nullable(),
})
export type Replica = z.infer<typeof replicaSchema>

export const serverStateSchema = z.object({
  /** The server node (with several nodes, each one that has the board open is a replica of its own). */
  nodeId: z.string(),
  stateVector: stateVectorSchema,
  digest: z.string(),
})
export type ServerState = z.infer<typeof serverStateSchema>

/** Operations of one Yjs client contained in an update: clocks `from` (inclusive) to `to` (exclusive). */
export const clockRangeSchema = z.object({ clientId: clientIdSchema, from: z.number().int(), to: z.number().int() })
export type ClockRange = z.infer<typeof clockRangeSchema>

/** What became of a frame at a fault: through at once, held until `until` (epoch ms), or dropped. */
export const frameFateSchema = z.discriminatedUnion('fate', [
  z.object({ fate: z.literal('delivered') }),
  z.object({ fate: z.literal('delayed'), until: z.number() }),
  z.object({ fate: z.literal('dropped') }),
])
export type FrameFate = z.infer<typeof frameFateSchema>

/**
 * One leg of an update's journey: `in` from a replica to the server, `out` from the server to a
 * replica. Legs of one update share `authors`; an `out` leg lists the `in` legs it carries in
 * `causes` (the server batches relays, so one `out` can carry several). Two updates are
 * concurrent when neither's ranges were in the other's sender's state when it was sent; the lab
 * shows it by colouring by author and by overlapping time.
 */
export const updateLegSchema = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  connectionId: z.string(),
  /** The server node the replica's connection is on: `in` goes to it, `out` comes from it. */
  nodeId: z.string(),
  /** Epoch ms when the server received (`in`) or sent (`out`) it. */
  at: z.number(),
  /** `update` (a live change), `sync-step-2` (a handshake answer carrying missing updates). */
  kind: z.enum(['update', 'sync-step-2']),
  authors: z.array(clockRangeSchema),
  bytes: z.number().int().nonnegative(),
  fate: frameFateSchema,
  /** For `out` legs: the ids of the `in` legs whose operations it carries. */
  causes: z.array(z.string()),
})
export type UpdateLeg = z.infer<typeof updateLegSchema>

export const labEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('replica-joined'), at: z.number(), replica: replicaSchema }),
  z.object({ type: z.literal('replica-left'), at: z.number(), connectionId: z.string() }),
  z.object({ type: z.literal('replica-changed'), at: z.number(), replica: replicaSchema }),
  z.object({ type: z.literal('update'), at: z.number(), leg: updateLegSchema }),
  /** A server node's state; with several nodes, each node that has the board open sends its own. */
  z.object({ type: z.literal('server-state'), at: z.number(), server: serverStateSchema }),
  /** Another server node no longer serves the board (it closed it, or stopped answering): its replicas are gone from view. */
  z.object({ type: z.literal('node-left'), at: z.number(), nodeId: z.string() }),
  z.object({ type: z.literal('faults'), at: z.number(), faults: z.array(faultSchema) }),
  /** Every connected replica reported the server's digest `ms` after the heal at `healedAt`. */
  z.object({ type: z.literal('converged'), at: z.number(), healedAt: z.number(), ms: z.number(), replicas: z.number().int() }),
])
export type LabEvent = z.infer<typeof labEventSchema>

export const labServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    channel: z.literal(LAB_CHANNEL),
    type: z.literal('snapshot'),
    at: z.number(),
    server: serverStateSchema,
    replicas: z.array(replicaSchema),
    faults: z.array(faultSchema),
  }),
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('event'), event: labEventSchema }),
  /**
   * Sent to a replica (subscribed or not) when a fault on it starts, changes or ends, so its tab
   * can say it is partitioned; stateless frames pass faults (only data frames are faulted).
   */
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('your-fault'), fault: faultSchema.nullable() }),
  /** A fault command (or a malformed lab message) was refused. */
  z.object({ channel: z.literal(LAB_CHANNEL), type: z.literal('refused'), reason: z.string() }),
])
export type LabServerMessage = z.infer<typeof labServerMessageSchema>
