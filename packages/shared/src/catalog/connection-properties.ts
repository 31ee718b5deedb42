import { GUARANTEE_OPTIONS } from './common-properties.ts'
import { booleanProp, durationProp, enumProp, HOUR, MINUTE, numberProp } from './define.ts'
import type { PropertyDef } from './types.ts'

/** Properties of a connection (an arrow between components), in inspector order. */
export const CONNECTION_PROPERTIES: PropertyDef[] = [
  enumProp({
    id: 'protocol',
    label: 'Protocol',
    section: 'specific',
    help: 'What travels on the wire; it decides framing, multiplexing and what a retry means.',
    options: [
      ['https', 'HTTPS (HTTP/1.1)'],
      ['http2', 'HTTP/2'],
      ['http3', 'HTTP/3 (QUIC)'],
      ['grpc', 'gRPC'],
      ['websocket', 'WebSocket'],
      ['tcp', 'TCP (custom)'],
      ['udp', 'UDP'],
      ['dns', 'DNS'],
      ['sql', 'SQL wire protocol'],
      ['resp', 'RESP (Redis)'],
      ['kafka', 'Kafka protocol'],
      ['amqp', 'AMQP'],
      ['mqtt', 'MQTT'],
      ['coap', 'CoAP'],
      ['gossip', 'gossip'],
      ['rdma', 'RDMA'],
      ['collective', 'collective (all-reduce)'],
    ],
  }),
  enumProp({
    id: 'mode',
    label: 'Sync / async',
    section: 'specific',
    help: 'Whether the caller waits for the answer; synchronous calls chain their latencies and failures.',
    options: [
      ['sync', 'synchronous'],
      ['async', 'asynchronous'],
      ['stream', 'streaming'],
    ],
    default: 'sync',
  }),
  enumProp({
    id: 'delivery',
    label: 'Delivery guarantee',
    section: 'reliability',
    help: 'How often a message arrives when things fail; at-least-once needs idempotent receivers.',
    options: GUARANTEE_OPTIONS,
  }),
  durationProp({
    id: 'timeout',
    label: 'Timeout',
    section: 'reliability',
    help: 'How long the caller waits before giving up; it should exceed the callee’s p99 latency.',
    max: HOUR,
  }),
  numberProp({
    id: 'retries',
    label: 'Retries',
    section: 'reliability',
    help: 'Attempts after the first; retries multiply load on a struggling callee unless backed off.',
    min: 0,
    max: 100,
    integer: true,
  }),
  enumProp({
    id: 'backoff',
    label: 'Retry backoff',
    section: 'reliability',
    help: 'How the wait between retries grows; jitter keeps clients from retrying in lockstep.',
    options: [
      ['none', 'none'],
      ['fixed', 'fixed'],
      ['exponential', 'exponential'],
      ['exponential-jitter', 'exponential with jitter'],
    ],
  }),
  durationProp({
    id: 'latency',
    label: 'Expected latency',
    section: 'performance',
    help: 'One-way network latency expected on this link (about 0.5 ms in a zone, 1-2 ms across zones, 50-150 ms across continents).',
    max: 10 * MINUTE,
  }),
  booleanProp({
    id: 'crossesFailureDomain',
    label: 'Crosses failure domain',
    section: 'placement',
    help: 'Whether the link leaves a zone, region or site, so a partition can cut it.',
  }),
  booleanProp({
    id: 'encrypted',
    label: 'Encrypted',
    section: 'specific',
    help: 'Whether traffic is encrypted in transit (TLS, mTLS or a VPN).',
    default: true,
  }),
]
