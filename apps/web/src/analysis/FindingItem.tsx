import type { Finding } from '@concord/shared'
import { useState } from 'react'
import { useEditor } from 'tldraw'
import { Link } from 'wouter'
import { useBoard } from '../board/boardContext.ts'
import { labConceptPath } from '../lab/conceptLinks.ts'
import { SEVERITY_LABELS } from './findingGroups.ts'
import { focusShapes } from './focusShapes.ts'
import { LAB_CONCEPT_OF_RULE } from './labLinks.ts'
import { NotApplicableForm } from './NotApplicableForm.tsx'
import { setNotApplicable } from './notApplicableMarks.ts'
import { SeverityIcon } from './SeverityIcon.tsx'

/**
 * One finding: its severity and message (a button that selects and shows its shapes), its
 * justification when the team marked it not applicable, the lab demonstration that shows it, and
 * for those who may edit the design, marking it not applicable or reopening it.
 */
export function FindingItem({ finding, canEdit }: { finding: Finding; canEdit: boolean }) {
  const editor = useEditor()
  const { session } = useBoard()
  const [marking, setMarking] = useState(false)
  const lab = finding.topic === 'consistency' ? LAB_CONCEPT_OF_RULE[finding.rule] : undefined
  const onShapes = finding.shapes.length > 0
  const summary = (
    <>
      <SeverityIcon severity={finding.severity} />
      <span className="finding__severity">{SEVERITY_LABELS[finding.severity]}</span>
      <span className="finding__message">{finding.message}</span>
    </>
  )
  return (
    <li
      className={`finding finding--${finding.severity}${finding.notApplicable ? ' finding--acknowledged' : ''}`}
      data-testid="finding"
      data-rule={finding.rule}
      data-state={finding.notApplicable ? 'acknowledged' : 'open'}
    >
      {onShapes ? (
        <button type="button" className="finding__summary" title="Select and show on the board" onClick={() => focusShapes(editor, finding.shapes)}>
          {summary}
        </button>
      ) : (
        <p className="finding__summary">{summary}</p>
      )}
      {finding.notApplicable && (
        <p className="finding__justification" data-testid="finding-justification">
          <strong>Not applicable: </strong>
          {finding.justification || 'no reason given.'}
        </p>
      )}
      {(lab || (canEdit && onShapes && !marking)) && (
        <div className="finding__footer">
          {lab && (
            <Link className="finding__lab" href={labConceptPath(session.options.boardId, lab.concept, location.hash)} data-testid="finding-lab-link">
              In the replication lab: {lab.label}
            </Link>
          )}
          {canEdit && onShapes && !marking && (finding.notApplicable ? (
            <button type="button" className="button button--quiet button--small finding__action" data-testid="finding-reopen" onClick={() => setNotApplicable(editor, finding, null)}>
              Reopen
            </button>
          ) : (
            <button type="button" className="button button--quiet button--small finding__action" data-testid="finding-mark" onClick={() => setMarking(true)}>
              Not applicable…
            </button>
          ))}
        </div>
      )}
      {marking && (
        <NotApplicableForm
          onCancel={() => setMarking(false)}
          onSave={(justification) => {
            setNotApplicable(editor, finding, justification)
            setMarking(false)
          }}
        />
      )}
    </li>
  )
}
