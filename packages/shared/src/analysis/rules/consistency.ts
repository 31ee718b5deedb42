import { numberOf, textOf } from '../graph.ts'
import { STRONG_CLAIMS } from '../semantics.ts'
import type { Rule } from './rule.ts'
import { componentsOf, nameOf } from './naming.ts'

const WEAK_CLAIMS = new Set(['eventual', 'strong-eventual'])

export const CONSISTENCY_RULES: Rule[] = [
  {
    id: 'quorum-no-overlap',
    topic: 'consistency',
    severity: 'error',
    concerns: 'key-value store',
    detection: 'A key-value store with `r + w <= n` whose consistency claim is stronger than eventual.',
    rationale: 'Only when every read quorum overlaps every write quorum (r + w > n) is a read sure to see the latest acknowledged write.',
    falsePositives: 'A store that adds read repair before answering, or reads its own writes from a session cache, may keep a claim such as read-your-writes for one client.',
    detect: (model) =>
      componentsOf(model, 'kv-store').flatMap((component) => {
        const n = numberOf(component.properties, 'n')
        const r = numberOf(component.properties, 'r')
        const w = numberOf(component.properties, 'w')
        const claim = textOf(component.properties, 'consistency')
        if (n === null || r === null || w === null || claim === null || WEAK_CLAIMS.has(claim) || r + w > n) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} claims ${claim} but R + W = ${r + w} ≤ N = ${n}: a read can miss the latest write.` }]
      }),
  },
  {
    id: 'async-replication-linearizable',
    topic: 'consistency',
    severity: 'error',
    concerns: 'relational database, key-value store',
    detection: 'Asynchronous or multi-leader replication, or a sloppy quorum, with a linearizable or sequential claim.',
    rationale: 'An asynchronous follower or a second leader answers before it has seen every write, and a sloppy quorum writes to nodes outside the key’s home set; neither can give one order all readers agree on.',
    falsePositives: 'A design that reads only from the leader and never fails over without fencing may keep linearizable reads, at the price of losing the last writes on failover.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const claim = textOf(component.properties, 'consistency')
        if (claim === null || !STRONG_CLAIMS.has(claim)) return []
        const replication = textOf(component.properties, 'replication')
        const weak = replication === 'leader-async' || replication === 'multi-leader' ? `${replication} replication` : component.properties.sloppyQuorum === true ? 'a sloppy quorum' : null
        return weak ? [{ shapes: [component.id], message: `${nameOf(model, component.id)} claims ${claim} with ${weak}.` }] : []
      }),
  },
  {
    id: 'stale-member-reads',
    topic: 'consistency',
    severity: 'error',
    concerns: 'coordination service',
    detection: 'A coordination service that serves reads from any member while claiming linearizability.',
    rationale: 'A follower may lag the leader; only reads through the leader (or a quorum read) are linearizable.',
    falsePositives: 'Clients that issue a sync before each read (ZooKeeper `sync`) get up-to-date reads from any member.',
    detect: (model) =>
      componentsOf(model, 'coordination-service')
        .filter((component) => textOf(component.properties, 'reads') === 'any-member' && textOf(component.properties, 'consistency') === 'linearizable')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} reads from any member, so its reads are not linearizable.` })),
  },
  {
    id: 'pacelc-contradiction',
    topic: 'consistency',
    severity: 'warning',
    concerns: 'any component',
    detection: 'A linearizable or sequential claim with a PA (available under partition) stance, or an eventual claim with PC/EC.',
    rationale: 'Under a partition a component either stays available or stays consistent; claiming both (or neither) is a contradiction in the design.',
    falsePositives: 'A component whose strong claim covers only one operation type (e.g. writes) may pick availability for the others.',
    detect: (model) =>
      componentsOf(model).flatMap((component) => {
        const claim = textOf(component.properties, 'consistency')
        const stance = textOf(component.properties, 'pacelc')
        if (claim === null || stance === null) return []
        const clash = (STRONG_CLAIMS.has(claim) && stance.startsWith('PA')) || (WEAK_CLAIMS.has(claim) && stance === 'PC/EC')
        return clash ? [{ shapes: [component.id], message: `${nameOf(model, component.id)} claims ${claim} consistency with the ${stance} stance.` }] : []
      }),
  },
  {
    id: 'log-weak-acks',
    topic: 'consistency',
    severity: 'warning',
    concerns: 'partitioned log',
    detection: 'A replicated partitioned log whose producers use acks 0 or 1.',
    rationale: 'With acks=1 a write is acknowledged by the leader alone; if it fails before followers copy the write, an acknowledged record is lost.',
    falsePositives: 'Telemetry or metrics streams may accept losing a few records for lower latency.',
    detect: (model) =>
      componentsOf(model, 'partitioned-log').flatMap((component) => {
        const acks = textOf(component.properties, 'acks')
        const rf = numberOf(component.properties, 'replicationFactor')
        if ((acks !== '0' && acks !== '1') || rf === null || rf < 2) return []
        return [{ shapes: [component.id], message: `${nameOf(model, component.id)} replicates ${rf} times but producers use acks=${acks}: acknowledged records can be lost.` }]
      }),
  },
  {
    id: 'cache-without-expiry',
    topic: 'consistency',
    severity: 'info',
    concerns: 'cache',
    detection: 'A cache-aside cache (or one with no write policy) with no TTL.',
    rationale: 'Without expiry a missed invalidation leaves stale data forever; a TTL bounds how stale a read can be.',
    falsePositives: 'Caches of immutable data (content-addressed) never go stale.',
    detect: (model) =>
      componentsOf(model, 'cache')
        .filter((component) => numberOf(component.properties, 'ttl') === null && (textOf(component.properties, 'writePolicy') ?? 'cache-aside') === 'cache-aside')
        .map((component) => ({ shapes: [component.id], message: `${nameOf(model, component.id)} has no TTL: how stale its reads may be is unbounded.` })),
  },
]
