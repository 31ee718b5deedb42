import { DECISION_TYPE, type DesignDecision } from '@concord/shared'
import { useId, useState } from 'react'
import { useEditor } from 'tldraw'
import type { DecisionRecord } from '../design-records/designRecordTypes.ts'
import { DecisionCard } from './DecisionCard.tsx'
import { DecisionForm, EMPTY_DECISION } from './DecisionForm.tsx'
import { editedNote, newDecisionId, putNote, removeNote } from './designNotes.ts'

/** The decision log: each record as a card, edited in place; a form for a new one. */
export function DecisionList({ decisions, readonly }: { decisions: DesignDecision[]; readonly: boolean }) {
  const editor = useEditor()
  const headingId = useId()
  /** The decision being edited, 'new' for a new one, or null. */
  const [editing, setEditing] = useState<string | null>(null)
  const save = (record: DesignDecision) => {
    putNote(editor, record as DecisionRecord)
    setEditing(null)
  }
  return (
    <section className="design-section" aria-labelledby={headingId} data-testid="design-decisions">
      <div className="design-section__top">
        <h3 className="design-section__heading" id={headingId}>
          Decisions
        </h3>
        {!readonly && editing !== 'new' && (
          <button type="button" className="button button--quiet button--small" onClick={() => setEditing('new')} data-testid="design-new-decision">
            New decision
          </button>
        )}
      </div>
      {editing === 'new' && !readonly && (
        <DecisionForm
          initial={EMPTY_DECISION}
          submitLabel="Add decision"
          toRecord={(fields) => ({ id: newDecisionId(), typeName: DECISION_TYPE, ...fields, createdAt: Date.now(), updatedAt: Date.now() })}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {decisions.length === 0 && editing !== 'new' && (
        <p className="design-empty">
          {readonly
            ? 'No decision recorded yet.'
            : 'No decision recorded yet. Record each choice the design rests on: its context, the options considered, what was decided and what follows from it.'}
        </p>
      )}
      {decisions.map((decision) =>
        editing === decision.id && !readonly ? (
          <DecisionForm
            key={decision.id}
            initial={decision}
            submitLabel="Save decision"
            toRecord={(fields) => ({ ...editedNote(editor, decision as DecisionRecord, fields), updatedAt: Date.now() })}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <DecisionCard
            key={decision.id}
            decision={decision}
            {...(readonly ? {} : { onEdit: () => setEditing(decision.id), onRemove: () => removeNote(editor, decision.id as DecisionRecord['id']) })}
          />
        ),
      )}
    </section>
  )
}
