import { badgeLine, findKind } from '@concord/shared'
import { fitLine, nameIsKindLabel, wrapLines } from './cardText.ts'
import type { ComponentShape } from './componentType.ts'

const PAD = 12
const NAME_SIZE = 16

/**
 * The component as SVG, for PNG and SVG export (the canvas draws it as HTML). SVG text neither
 * wraps nor clips, so every line is fitted to the card, and the card clips what is left.
 */
export function componentSvg(shape: ComponentShape) {
  const { w, h } = shape.props
  const kind = findKind(shape.props.kind)
  const name = shape.props.name || 'Unnamed'
  const badge = kind ? badgeLine(kind, shape.props.properties) : ''
  // A name that is only the kind's label is shown once, as the name.
  const showKind = !nameIsKindLabel(name, kind?.label)
  const nameLines = wrapLines(name, w - 2 * PAD, NAME_SIZE, showKind ? 1 : 2, true)
  const clipId = `clip-${shape.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`
  const nameTop = showKind ? h / 2 + 2 : 44
  return (
    <g>
      <clipPath id={clipId}>
        <rect width={w} height={h} rx={10} />
      </clipPath>
      <rect width={w} height={h} rx={10} fill="#ffffff" stroke="#1b1f24" strokeWidth={1.5} />
      <g clipPath={`url(#${clipId})`}>
        {kind && (
          // The catalog icon is a whole 24×24 <svg>; this one places and sizes it.
          <svg
            x={PAD}
            y={10}
            width={20}
            height={20}
            viewBox="0 0 24 24"
            color="#3b5bdb"
            // oxlint-disable-next-line react/no-danger -- trusted, bundled catalog markup
            dangerouslySetInnerHTML={{ __html: kind.icon }}
          />
        )}
        {showKind && (
          <text x={38} y={26} fontSize={12} fill="#5b6472" fontFamily="sans-serif">
            {fitLine(kind?.label ?? shape.props.kind, w - 38 - PAD, 12)}
          </text>
        )}
        <text fontSize={NAME_SIZE} fontWeight={600} fill="#1b1f24" fontFamily="sans-serif">
          {nameLines.map((line, index) => (
            <tspan key={index} x={PAD} y={nameTop + index * 20}>
              {line}
            </tspan>
          ))}
        </text>
        {badge && (
          <text x={PAD} y={h - 12} fontSize={12} fill="#3b5bdb" fontFamily="sans-serif">
            {fitLine(badge, w - 2 * PAD, 12)}
          </text>
        )}
      </g>
    </g>
  )
}
