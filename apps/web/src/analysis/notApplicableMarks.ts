import type { Finding } from '@concord/shared'
import type { Editor, JsonObject, TLShape, TLShapeId } from 'tldraw'

/** The longest justification the form takes: a reason, not an essay. */
export const MAX_JUSTIFICATION = 500

function objectOr(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

/**
 * A shape's meta with `rule` marked not applicable with `justification` in
 * `meta.analysis.notApplicable` (where the analysis reads it), or unmarked when it is null. The
 * other keys are kept, so the binding writes only this one mark.
 */
export function withMark(meta: JsonObject, rule: string, justification: string | null): JsonObject {
  const analysis = objectOr(meta.analysis)
  const marks = { ...objectOr(analysis.notApplicable) }
  if (justification === null) delete marks[rule]
  else marks[rule] = justification
  return { ...meta, analysis: { ...analysis, notApplicable: marks } }
}

/** Why a justification cannot be saved, or null when it can. */
export function justificationProblem(text: string): string | null {
  if (text.trim() === '') return 'Say why this finding does not apply: the team and reviewers read it in place of the finding.'
  if (text.trim().length > MAX_JUSTIFICATION) return `Keep it under ${MAX_JUSTIFICATION} characters.`
  return null
}

/**
 * Marks (or, with null, unmarks) a finding not applicable on every shape it concerns, as one
 * step of this user's undo.
 */
export function setNotApplicable(editor: Editor, finding: Finding, justification: string | null): void {
  const shapes = finding.shapes.map((id) => editor.getShape(id as TLShapeId)).filter((shape): shape is TLShape => shape !== undefined)
  if (shapes.length === 0) return
  editor.markHistoryStoppingPoint(justification === null ? 'reopen finding' : 'mark finding not applicable')
  editor.updateShapes(shapes.map((shape) => ({ id: shape.id, type: shape.type, meta: withMark(shape.meta, finding.rule, justification?.trim() ?? null) })))
}
