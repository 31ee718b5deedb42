import { getArrowInfo, type Editor, type TLShapeId } from 'tldraw'

/**
 * An SVG path in page coordinates along an arrow's body (straight, arc or elbow), to mark it on
 * the canvas; null when the arrow is gone or has no drawable body.
 */
export function arrowBodyPath(editor: Editor, id: TLShapeId): string | null {
  const info = getArrowInfo(editor, id)
  const transform = editor.getShapePageTransform(id)
  if (!info || !transform) return null
  const page = (point: { x: number; y: number }) => {
    const at = transform.applyToPoint(point)
    return `${at.x.toFixed(1)} ${at.y.toFixed(1)}`
  }
  if (info.type === 'elbow') return `M ${info.route.points.map(page).join(' L ')}`
  if (info.type === 'arc' && info.isValid) {
    const { radius, largeArcFlag, sweepFlag } = info.bodyArc
    return `M ${page(info.start.point)} A ${radius.toFixed(1)} ${radius.toFixed(1)} 0 ${largeArcFlag} ${sweepFlag} ${page(info.end.point)}`
  }
  return `M ${page(info.start.point)} L ${page(info.end.point)}`
}
