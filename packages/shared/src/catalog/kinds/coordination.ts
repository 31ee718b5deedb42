import { durationProp, enumProp, MINUTE, numberProp } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

export const COORDINATION_KINDS: ComponentKind[] = [
  {
    id: 'coordination-service',
    label: 'Coordination service',
    group: 'coordination',
    description: 'A small replicated store (ZooKeeper, etcd) for leader election, locks, membership and configuration, kept consistent by consensus.',
    icon: svgIcon('<circle cx="12" cy="5" r="2.5"/><circle cx="5" cy="18" r="2.5"/><circle cx="19" cy="18" r="2.5"/><path d="M10.8 7.2l-4.6 8.6M13.2 7.2l4.6 8.6M7.5 18h9"/><circle cx="12" cy="5" r="0.8" fill="currentColor"/>'),
    defaultSize: { w: 180, h: 100 },
    properties: [
      numberProp({
        id: 'ensembleSize',
        label: 'Ensemble size',
        help: 'Voting members; 2f+1 members survive f failures, so use an odd number.',
        unit: 'members',
        min: 1,
        max: 9,
        integer: true,
        default: 3,
        badge: '{value}',
      }),
      enumProp({
        id: 'consensus',
        label: 'Consensus protocol',
        help: 'The agreement protocol; all need a majority to make progress.',
        options: [
          ['raft', 'Raft'],
          ['zab', 'Zab'],
          ['paxos', 'Multi-Paxos'],
        ],
        default: 'raft',
      }),
      durationProp({
        id: 'sessionTimeout',
        label: 'Session timeout',
        help: 'How long a silent client keeps its locks and ephemeral nodes; too short and GC pauses lose leadership.',
        min: 100,
        max: 10 * MINUTE,
      }),
      enumProp({
        id: 'reads',
        label: 'Reads',
        help: 'Reads from any member may be stale; linearizable reads go through the leader or a quorum.',
        options: [
          ['quorum', 'linearizable (through the leader)'],
          ['any-member', 'any member (may be stale)'],
        ],
      }),
    ],
    badge: ['ensembleSize', 'consensus'],
    commonDefaults: { consistency: 'linearizable', pacelc: 'PC/EC', state: 'stateful' },
  },
]
