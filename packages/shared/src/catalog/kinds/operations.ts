import { DAY, durationProp, enumProp, HOUR, MINUTE, SECOND } from '../define.ts'
import { svgIcon } from '../icon.ts'
import type { ComponentKind } from '../types.ts'

export const OPERATIONS_KINDS: ComponentKind[] = [
  {
    id: 'monitoring',
    label: 'Monitoring / autoscaler',
    group: 'operations',
    description: 'Collects metrics and health, alerts people, and adds or removes instances as load changes.',
    icon: svgIcon('<rect x="2.5" y="4" width="19" height="14" rx="2"/><path d="M5.5 11.5h3l1.8-3.5 3 6.5 1.8-3h3.4M9 21h6"/>'),
    defaultSize: { w: 180, h: 100 },
    properties: [
      durationProp({
        id: 'scrapeInterval',
        label: 'Scrape interval',
        help: 'How often metrics are collected; nothing faster than this can be detected.',
        min: 100,
        max: HOUR,
        default: 15 * SECOND,
        badge: 'every {value}',
      }),
      enumProp({
        id: 'scalingSignal',
        label: 'Scaling signal',
        help: 'The metric autoscaling follows; queue lag reacts before CPU does for asynchronous work.',
        options: [
          ['none', 'does not scale', 'no scaling'],
          ['cpu', 'CPU'],
          ['latency', 'latency'],
          ['request-rate', 'request rate'],
          ['queue-lag', 'queue lag'],
        ],
        default: 'cpu',
      }),
      durationProp({
        id: 'cooldown',
        label: 'Scaling cooldown',
        help: 'Minimum time between scaling actions; too short and the system oscillates.',
        max: HOUR,
        default: 5 * MINUTE,
      }),
      enumProp({
        id: 'alerting',
        label: 'Alerting',
        help: 'What pages a human; alerting on SLO burn rate catches real user impact with few false alarms.',
        options: [
          ['none', 'none'],
          ['thresholds', 'static thresholds'],
          ['slo-burn', 'SLO burn rate'],
        ],
      }),
      durationProp({
        id: 'retention',
        label: 'Metrics retention',
        help: 'How far back metrics can be compared.',
        max: 3650 * DAY,
      }),
    ],
    badge: ['scrapeInterval', 'scalingSignal'],
  },
]
