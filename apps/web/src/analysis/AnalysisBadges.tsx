import type { Finding, Severity } from '@concord/shared'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useAnalysis } from './analysisContext.ts'
import { badgeLabel } from './badgeText.ts'
import { badgesShown } from './boardAnalysis.ts'
import { openFindingsByShape, worstSeverity } from './findingGroups.ts'
import { focusShapes } from './focusShapes.ts'
import { SeverityIcon } from './SeverityIcon.tsx'

interface Badge {
  id: string
  x: number
  y: number
  findings: Finding[]
  worst: Severity
}

/**
 * A badge on each component and connection of the page with open findings: the count and the
 * worst severity's glyph, the messages on hover and in its name; a click shows its findings in the
 * panel. It sits in tldraw's in-front-of-the-canvas slot, which exports and frozen versions do not
 * draw, and the panel's toggle hides it.
 */
export function AnalysisBadges() {
  const editor = useEditor()
  const analysis = useAnalysis()
  const badges = useValue(
    'analysis badges',
    () => {
      if (!analysis || !badgesShown.atom.get()) return []
      editor.getCamera()
      const out: Badge[] = []
      for (const [id, findings] of openFindingsByShape(analysis.result.get().findings)) {
        const shape = editor.getShape(id as TLShapeId)
        const bounds = shape && editor.getAncestorPageId(shape) === editor.getCurrentPageId() ? editor.getShapePageBounds(shape) : undefined
        if (!shape || !bounds) continue
        // Components at their top left corner (the comment marker takes the top right), connections at their middle.
        const at = editor.pageToViewport(shape.type === 'arrow' ? { x: bounds.center.x, y: bounds.center.y } : { x: bounds.minX, y: bounds.minY })
        out.push({ id, x: at.x, y: at.y, findings, worst: worstSeverity(findings.map((finding) => finding.severity))! })
      }
      return out
    },
    [editor, analysis],
  )
  if (badges.length === 0) return null
  return (
    <div className="analysis-badges">
      {badges.map((badge) => {
        const label = badgeLabel(badge.findings, badge.worst)
        return (
          <button
            key={badge.id}
            type="button"
            className={`analysis-badge analysis-badge--${badge.worst}`}
            style={{ left: badge.x, top: badge.y }}
            data-testid="analysis-badge"
            data-shape={badge.id}
            data-severity={badge.worst}
            data-count={badge.findings.length}
            aria-label={label}
            title={label}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => {
              analysis?.panelOpen.set(true)
              focusShapes(editor, [badge.id])
            }}
          >
            <SeverityIcon severity={badge.worst} size={12} />
            {badge.findings.length}
          </button>
        )
      })}
    </div>
  )
}
