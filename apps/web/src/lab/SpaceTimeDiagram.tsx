import type { UpdateLeg } from '@concord/shared'

/** Network delays are milliseconds; arrows are drawn this much slanted so they read as messages. */
const SKEW_MS = 350
const WIDTH = 720
const LABEL_WIDTH = 130
const LANE_HEIGHT = 48
const TOP = 30

export interface Lane {
  /** A replica's lane key (see `laneKey`), or a server node's (`serverLane`). */
  id: string
  label: string
  color: string
}

/** The lane of a server node. */
export function serverLane(nodeId: string): string {
  return `server:${nodeId}`
}

/**
 * The space-time diagram: one lane per replica with the server nodes' on top, time flowing to the
 * right, each update an arrow from its sender to the server and from the server to each receiver,
 * coloured by its author. A delayed message is dashed and lands when it was delivered; a dropped
 * one stops half way at a cross. Concurrent updates show as arrows of different colours that
 * cross each other on the way.
 */
export function SpaceTimeDiagram({
  lanes,
  legs,
  end,
  windowMs,
  colorOf,
  laneOf,
}: {
  lanes: Lane[]
  legs: readonly UpdateLeg[]
  end: number
  windowMs: number
  colorOf(clientId: number): string
  /** The lane a leg's connection is drawn on. */
  laneOf(connectionId: string): string
}) {
  const start = end - windowMs
  const height = TOP + lanes.length * LANE_HEIGHT + 8
  const x = (t: number) => LABEL_WIDTH + ((t - start) / windowMs) * (WIDTH - LABEL_WIDTH - 10)
  const laneY = new Map(lanes.map((lane, i) => [lane.id, TOP + i * LANE_HEIGHT + LANE_HEIGHT / 2]))
  // A leg goes to or from the node its replica is connected to.
  const serverY = (leg: UpdateLeg) => laneY.get(serverLane(leg.nodeId)) ?? TOP + LANE_HEIGHT / 2
  const ticks: number[] = []
  for (let t = Math.ceil(start / 5000) * 5000; t <= end; t += 5000) ticks.push(t)
  const visible = legs.filter((leg) => {
    const last = leg.fate.fate === 'delayed' ? leg.fate.until : leg.at + SKEW_MS
    return last >= start && leg.at - SKEW_MS <= end && laneY.has(laneOf(leg.connectionId))
  })
  return (
    <svg
      className="lab-diagram"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Space-time diagram of the last ${Math.round(windowMs / 1000)} seconds: ${visible.length} messages`}
      data-testid="lab-diagram"
    >
      <defs>
        <marker id="lab-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {ticks.map((t) => (
        <g key={t} className="lab-diagram__tick">
          <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height - 4} />
          <text x={x(t)} y={TOP - 10} textAnchor="middle">
            {`${Math.round((t - end) / 1000)} s`}
          </text>
        </g>
      ))}
      {lanes.map((lane) => (
        <g key={lane.id} className={`lab-diagram__lane${lane.id.startsWith('server:') ? ' lab-diagram__lane--server' : ''}`}>
          <line x1={LABEL_WIDTH} x2={WIDTH - 10} y1={laneY.get(lane.id)} y2={laneY.get(lane.id)} stroke={lane.color} />
          <circle cx={12} cy={laneY.get(lane.id)} r={6} fill={lane.color} />
          <text x={24} y={laneY.get(lane.id)! + 5}>
            {lane.label.length > 16 ? `${lane.label.slice(0, 15)}…` : lane.label}
          </text>
        </g>
      ))}
      {visible.map((leg) => {
        const color = leg.authors[0] ? colorOf(leg.authors[0].clientId) : 'var(--text-muted)'
        const replicaY = laneY.get(laneOf(leg.connectionId))!
        const [fromY, toY] = leg.direction === 'in' ? [replicaY, serverY(leg)] : [serverY(leg), replicaY]
        const fromX = leg.direction === 'in' ? x(leg.at - SKEW_MS) : x(leg.at)
        const arrival = leg.fate.fate === 'delayed' ? leg.fate.until : leg.direction === 'in' ? leg.at : leg.at + SKEW_MS
        const toX = x(arrival)
        if (leg.fate.fate === 'dropped') {
          // The server drops it: the cross sits next to the server's lane, on the message's way.
          const share = leg.direction === 'in' ? 0.8 : 0.2
          const midX = fromX + (toX - fromX) * share
          const midY = fromY + (toY - fromY) * share
          return (
            <g key={leg.id} className="lab-diagram__leg lab-diagram__leg--dropped" data-fate="dropped">
              <line x1={fromX} y1={fromY} x2={midX} y2={midY} stroke={color} />
              <path d={`M ${midX - 5} ${midY - 5} L ${midX + 5} ${midY + 5} M ${midX + 5} ${midY - 5} L ${midX - 5} ${midY + 5}`} className="lab-diagram__cross" />
            </g>
          )
        }
        return (
          <line
            key={leg.id}
            className={`lab-diagram__leg lab-diagram__leg--${leg.fate.fate}`}
            data-fate={leg.fate.fate}
            x1={fromX}
            y1={fromY}
            x2={toX}
            y2={toY}
            stroke={color}
            markerEnd="url(#lab-arrow)"
          />
        )
      })}
    </svg>
  )
}
