import { GUARANTEE_OPTIONS } from '../common-properties.ts'
import { booleanProp, DAY, durationProp, enumProp, MINUTE, numberProp, SECOND } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

const SIZE = { w: 180, h: 100 }

export const PROCESSING_KINDS: ComponentKind[] = [
  {
    id: 'batch-job',
    label: 'Batch job',
    group: 'processing',
    description: 'A job over a bounded dataset (MapReduce, Spark), split into tasks that are simply re-run when they fail.',
    icon: svgIcon('<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4M7 14h3M7 17.5h3M14 14h3"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'model',
        label: 'Programming model',
        help: 'How the work is expressed; DAG engines keep intermediate data in memory between stages.',
        options: [
          ['mapreduce', 'MapReduce'],
          ['dag', 'dataflow DAG'],
          ['bsp', 'bulk synchronous (graph)'],
          ['sql', 'SQL query'],
        ],
        default: 'dag',
      }),
      enumProp({
        id: 'schedule',
        label: 'Schedule',
        help: 'When the job runs; results are as stale as the time since the last run.',
        options: [
          ['hourly', 'hourly'],
          ['daily', 'daily'],
          ['weekly', 'weekly'],
          ['on-demand', 'on demand'],
        ],
        default: 'daily',
      }),
      numberProp({
        id: 'inputSize',
        label: 'Input size',
        help: 'Data read per run.',
        unit: 'TB',
        min: 0,
      }),
      durationProp({
        id: 'deadline',
        label: 'Deadline',
        help: 'Time the run must finish within, retries of failed tasks included.',
        max: 30 * DAY,
      }),
      booleanProp({
        id: 'speculative',
        label: 'Speculative execution',
        help: 'Whether slow tasks (stragglers) are run twice and the first result taken.',
      }),
    ],
    badge: ['model', 'schedule'],
    commonDefaults: { state: 'stateless' },
  },
  {
    id: 'stream-processor',
    label: 'Stream processor',
    group: 'processing',
    description: 'Continuous computation over unbounded event streams (Flink-style), with state checkpointed for recovery.',
    icon: svgIcon('<path d="M2.5 8c2.4-2.4 4.3 2.4 6.7 0M2.5 16c2.4-2.4 4.3 2.4 6.7 0M14.8 8c2.4-2.4 4.3 2.4 6.7 0M14.8 16c2.4-2.4 4.3 2.4 6.7 0"/><rect x="10" y="4" width="4" height="16" rx="1"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'guarantee',
        label: 'Processing guarantee',
        help: 'How often each event affects the state after a failure; exactly-once needs replayable sources and transactional sinks.',
        options: GUARANTEE_OPTIONS,
        default: 'exactly-once',
      }),
      enumProp({
        id: 'timeSemantics',
        label: 'Time semantics',
        help: 'Which clock windows use; event time gives correct results for late and out-of-order events.',
        options: [
          ['event', 'event time'],
          ['processing', 'processing time'],
          ['ingestion', 'ingestion time'],
        ],
        default: 'event',
      }),
      enumProp({
        id: 'windows',
        label: 'Windows',
        help: 'How the stream is grouped for aggregation.',
        options: [
          ['tumbling', 'tumbling'],
          ['sliding', 'sliding'],
          ['session', 'session'],
          ['global', 'none (global)'],
        ],
        default: 'tumbling',
      }),
      durationProp({
        id: 'windowSize',
        label: 'Window size',
        help: 'Length of one window.',
        min: 1,
        max: 30 * DAY,
      }),
      durationProp({
        id: 'allowedLateness',
        label: 'Allowed lateness',
        help: 'How far behind the watermark an event may arrive and still count; later ones are dropped or side-output.',
        max: 7 * DAY,
      }),
      durationProp({
        id: 'checkpointInterval',
        label: 'Checkpoint interval',
        help: 'How often state is snapshotted; on failure the job replays the input since the last checkpoint.',
        min: 100,
        max: DAY,
        default: MINUTE,
      }),
      numberProp({
        id: 'parallelism',
        label: 'Parallelism',
        help: 'Parallel instances of each operator; more than the source’s partitions leaves some idle.',
        min: 1,
        integer: true,
      }),
    ],
    badge: ['guarantee', 'timeSemantics', 'windows'],
    commonDefaults: { state: 'stateful' },
  },
  {
    id: 'resource-manager',
    label: 'Resource manager / scheduler',
    group: 'processing',
    description: 'Allocates a cluster’s CPUs, memory and GPUs to jobs (YARN, Borg, Slurm) and restarts their tasks elsewhere.',
    icon: svgIcon('<path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0"/><circle cx="16" cy="6" r="2"/><circle cx="10" cy="12" r="2"/><circle cx="18" cy="18" r="2"/>'),
    defaultSize: SIZE,
    properties: [
      enumProp({
        id: 'policy',
        label: 'Scheduling policy',
        help: 'How resources are shared between jobs and users.',
        options: [
          ['fifo', 'FIFO'],
          ['fair', 'fair share'],
          ['capacity', 'capacity queues'],
          ['drf', 'dominant resource fairness'],
          ['gang', 'gang scheduling'],
        ],
        default: 'fair',
      }),
      booleanProp({
        id: 'preemption',
        label: 'Preemption',
        help: 'Whether running tasks may be killed to make room; preempted jobs must checkpoint to avoid redoing work.',
      }),
      enumProp({
        id: 'highAvailability',
        label: 'Scheduler HA',
        help: 'Whether a standby takes over when the scheduler fails; running jobs keep going either way, new ones wait.',
        options: [
          ['none', 'none'],
          ['active-standby', 'active-standby'],
        ],
      }),
      numberProp({
        id: 'managedNodes',
        label: 'Managed nodes',
        help: 'Machines whose resources it hands out.',
        unit: 'nodes',
        min: 1,
        integer: true,
        default: 100,
      }),
      durationProp({
        id: 'heartbeat',
        label: 'Node heartbeat',
        help: 'How often nodes report; a node silent for a few heartbeats is declared dead and its tasks rescheduled.',
        min: 100,
        max: 10 * MINUTE,
        default: 3 * SECOND,
      }),
    ],
    badge: ['policy', 'managedNodes'],
  },
]
