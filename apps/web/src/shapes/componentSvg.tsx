import { badgeLine, findKind } from '@concord/shared'
import type { ComponentShape } from './componentType.ts'

/** The component as SVG, for PNG and SVG export (the canvas draws it as HTML). */
export function componentSvg(shape: ComponentShape) {
  const { w, h, name } = shape.props
  const kind = findKind(shape.props.kind)
  const badge = kind ? badgeLine(kind, shape.props.properties) : ''
  return (
    <g>
      <rect width={w} height={h} rx={10} fill="#ffffff" stroke="#1b1f24" strokeWidth={1.5} />
      {kind && (
        // The catalog icon is a whole 24×24 <svg>; this one places and sizes it.
        <svg
          x={12}
          y={10}
          width={20}
          height={20}
          viewBox="0 0 24 24"
          color="#3b5bdb"
          // oxlint-disable-next-line react/no-danger -- trusted, bundled catalog markup
          dangerouslySetInnerHTML={{ __html: kind.icon }}
        />
      )}
      <text x={38} y={26} fontSize={12} fill="#5b6472" fontFamily="sans-serif">
        {kind?.label ?? shape.props.kind}
      </text>
      <text x={12} y={h / 2 + 12} fontSize={16} fontWeight={600} fill="#1b1f24" fontFamily="sans-serif">
        {name || 'Unnamed'}
      </text>
      {badge && (
        <text x={12} y={h - 12} fontSize={12} fill="#3b5bdb" fontFamily="sans-serif">
          {badge}
        </text>
      )}
    </g>
  )
}
