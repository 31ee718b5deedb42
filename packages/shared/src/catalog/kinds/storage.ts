import { enumProp, numberProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

const CYLINDER =
  '<ellipse cx="12" cy="5.5" rx="7" ry="2.5"/><path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5"/>'

export const STORAGE_KINDS: ComponentKind[] = [
  {
    id: 'relational-db',
    label: 'Replicated relational DB',
    group: 'storage',
    description: 'A SQL database with transactions, replicated from a leader to followers for durability and reads.',
    icon: svgIcon(CYLINDER),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'replication',
        label: 'Replication',
        help: 'How writes reach replicas; asynchronous replication loses the last writes when the leader dies.',
        options: [
          ['leader-sync', 'single leader, synchronous'],
          ['leader-semi-sync', 'single leader, semi-synchronous'],
          ['leader-async', 'single leader, asynchronous'],
          ['multi-leader', 'multi-leader'],
          ['consensus', 'consensus (Raft / Paxos)'],
        ],
        default: 'leader-async',
      }),
      enumProp({
        id: 'isolation',
        label: 'Isolation level',
        help: 'Which anomalies concurrent transactions may see; serializable rules them all out.',
        options: [
          ['read-committed', 'read committed'],
          ['repeatable-read', 'repeatable read'],
          ['snapshot', 'snapshot isolation'],
          ['serializable', 'serializable'],
        ],
        default: 'read-committed',
      }),
      enumProp({
        id: 'failover',
        label: 'Failover',
        help: 'How a follower becomes leader; automatic failover needs fencing to avoid two leaders.',
        options: [
          ['manual', 'manual'],
          ['automatic', 'automatic'],
        ],
      }),
      numberProp({
        id: 'readReplicas',
        label: 'Read replicas',
        help: 'Followers serving reads; their reads may lag the leader.',
        min: 0,
        max: 100,
        integer: true,
      }),
      enumProp({
        id: 'sharding',
        label: 'Sharding',
        help: 'How data is split across independent leaders once one leader is not enough.',
        options: [
          ['none', 'none'],
          ['hash', 'by hash of key'],
          ['range', 'by key range'],
        ],
      }),
    ],
    badge: ['replication', 'isolation'],
    commonDefaults: { state: 'stateful' },
  },
]
