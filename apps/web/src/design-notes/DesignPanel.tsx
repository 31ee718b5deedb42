import { useEditor, useValue } from 'tldraw'
import { DecisionList } from './DecisionList.tsx'
import { designNotesOf } from './designNotes.ts'
import { designPanelOpen } from './designPanelOpen.ts'
import { GoalList } from './GoalList.tsx'

/**
 * The Design panel: the team's goals and non-goals and its decision records, which the design
 * report prints (sections 2 and 7). Editors write; everyone else, and a frozen version, reads.
 */
export function DesignPanel() {
  const editor = useEditor()
  const open = useValue('design panel open', () => designPanelOpen.get(), [])
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  const notes = useValue('design notes', () => designNotesOf(editor), [editor])
  if (!open) return null
  return (
    <aside className="canvas-panel design-panel" data-testid="design-panel" aria-label="Design" onKeyDown={(event) => event.stopPropagation()}>
      <header className="design-panel__header">
        <h2 className="design-panel__title">Design</h2>
        <button type="button" className="canvas-panel__close" aria-label="Close the design panel" onClick={() => designPanelOpen.set(false)}>
          ×
        </button>
      </header>
      <div className="design-panel__body">
        <p className="design-panel__intro">What the team aims for, what it leaves out on purpose, and why it chose what it did. The design report prints all three.</p>
        <GoalList
          list="goal"
          heading="Goals"
          goals={notes.goals}
          readonly={readonly}
          empty="No goals yet. A goal is what the system must achieve, e.g. “Grades stay available when one zone fails.”"
        />
        <GoalList
          list="non-goal"
          heading="Non-goals"
          goals={notes.nonGoals}
          readonly={readonly}
          empty="No non-goals yet. A non-goal is what the team decided not to do, e.g. “No multi-region writes.”"
        />
        <DecisionList decisions={notes.decisions} readonly={readonly} />
      </div>
    </aside>
  )
}
