import { GUARANTEE_OPTIONS } from '../common-properties.ts'
import { booleanProp, DAY, durationProp, enumProp, HOUR, numberProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

/** Ordering of a queue or a log: per key is a queue's message group or a log's partition. */
const ORDERING_OPTIONS: Array<[string, string, string]> = [
  ['none', 'unordered', 'unordered'],
  ['per-key', 'per key (message group / partition)', 'per-key order'],
  ['total', 'total (FIFO)', 'FIFO'],
]

export const MESSAGING_KINDS: ComponentKind[] = [
  {
    id: 'message-queue',
    label: 'Message queue',
    group: 'messaging',
    description: 'A broker that holds tasks until a consumer takes and acknowledges each, decoupling producers from consumers.',
    icon: svgIcon('<rect x="2" y="7" width="13.5" height="10" rx="1.5"/><path d="M6.5 7v10M11 7v10M18 12h4M19.5 9l2.5 3-2.5 3"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'delivery',
        label: 'Delivery guarantee',
        help: 'At-least-once redelivers unacknowledged messages, so consumers must be idempotent.',
        options: GUARANTEE_OPTIONS,
        default: 'at-least-once',
      }),
      enumProp({
        id: 'ordering',
        label: 'Ordering',
        help: 'Which messages are delivered in the order sent; competing consumers break global order.',
        options: ORDERING_OPTIONS,
        default: 'none',
      }),
      durationProp({
        id: 'visibilityTimeout',
        label: 'Visibility timeout',
        help: 'How long a taken message stays hidden; if processing takes longer, another consumer gets it too.',
        min: 1,
        max: 12 * HOUR,
      }),
      booleanProp({
        id: 'deadLetter',
        label: 'Dead-letter queue',
        help: 'Whether messages that keep failing are set aside instead of blocking the queue forever.',
      }),
      durationProp({
        id: 'retention',
        label: 'Retention',
        help: 'How long unconsumed messages are kept; consumer outages longer than this lose work.',
        max: 3650 * DAY,
      }),
    ],
    badge: ['delivery', 'ordering'],
    commonDefaults: { state: 'stateful' },
  },
  {
    id: 'partitioned-log',
    label: 'Partitioned log / pub-sub',
    group: 'messaging',
    description: 'An append-only log split into replicated partitions (Kafka-style); consumers read at their own offsets and can replay.',
    icon: svgIcon('<path d="M3 6h18M3 12h18M3 18h18M7 4v4M11 4v4M15 4v4M7 10v4M11 10v4M7 16v4M11 16v4M15 16v4M19 16v4"/>'),
    defaultSize: SIZE,
    properties: [
      numberProp({
        id: 'partitions',
        label: 'Partitions',
        help: 'Units of parallelism and ordering; at most one consumer per group reads each partition.',
        min: 1,
        max: 100_000,
        integer: true,
        default: 12,
        badge: '{value} partitions',
      }),
      numberProp({
        id: 'replicationFactor',
        label: 'Replication factor',
        help: 'Copies of each partition on different brokers.',
        min: 1,
        max: 9,
        integer: true,
        default: 3,
        badge: 'RF {value}',
      }),
      numberProp({
        id: 'minInSync',
        label: 'Min in-sync replicas',
        help: 'Replicas that must have a write before acks=all succeeds; with RF 3, 2 tolerates one broker loss without losing data.',
        min: 1,
        max: 9,
        integer: true,
        default: 2,
      }),
      enumProp({
        id: 'acks',
        label: 'Producer acks',
        help: 'When a write counts as done: 0 never waits, 1 waits for the leader, all for every in-sync replica.',
        options: [
          ['0', '0'],
          ['1', '1'],
          ['all', 'all'],
        ],
        default: 'all',
        badge: 'acks={value}',
      }),
      durationProp({
        id: 'retention',
        label: 'Retention',
        help: 'How long records are kept for replay; consumers further behind lose data.',
        max: 3650 * DAY,
        default: 7 * DAY,
      }),
      enumProp({
        id: 'ordering',
        label: 'Ordering',
        help: 'Order holds within a partition only, so records that must stay ordered need the same key.',
        options: ORDERING_OPTIONS,
        default: 'per-key',
      }),
      booleanProp({
        id: 'idempotentProducer',
        label: 'Idempotent producer',
        help: 'Whether retried sends are deduplicated by the broker; needed for exactly-once pipelines.',
      }),
    ],
    badge: ['partitions', 'replicationFactor', 'acks'],
    commonDefaults: { state: 'stateful' },
  },
]
