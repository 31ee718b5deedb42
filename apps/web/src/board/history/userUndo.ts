import { getRecordsMap } from '@concord/shared'
import { atom, type Atom } from 'tldraw'
import * as Y from 'yjs'
import type { YjsBinding } from '../binding/binding.ts'

/**
 * Per-user undo: a Y.UndoManager over the board's records that tracks only this user's edits
 * (the binding's `origin`). Undoing reverts exactly the fields this user wrote, so a peer's later
 * edit to another field of the same shape stays, and a peer's later write to the same field wins
 * over the undo. The undo itself is a Yjs change like a peer's: the binding merges it into the
 * store as a remote change, so it neither enters tldraw's own history nor echoes back.
 *
 * Steps are grouped like tldraw's: everything between two history stopping points (the start of
 * a gesture or of a discrete action) is one step.
 */
export class UserUndo {
  readonly canUndo: Atom<boolean> = atom('user can undo', false)
  readonly canRedo: Atom<boolean> = atom('user can redo', false)
  private readonly manager: Y.UndoManager

  constructor(
    doc: Y.Doc,
    private readonly binding: YjsBinding,
  ) {
    // What the store did before this user could act (an editor mounting) is not an undo step.
    binding.flush()
    this.manager = new Y.UndoManager(getRecordsMap(doc), {
      trackedOrigins: new Set([binding.origin]),
      // Steps end at stopping points, never by time.
      captureTimeout: Number.POSITIVE_INFINITY,
    })
    const refresh = () => {
      this.canUndo.set(this.manager.canUndo())
      this.canRedo.set(this.manager.canRedo())
    }
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.manager.on(event, refresh)
    }
  }

  /** Ends the current step: what the user does next is undone separately. */
  stopCapturing(): void {
    this.binding.flush()
    this.manager.stopCapturing()
  }

  undo(): void {
    this.binding.flush()
    this.oneStep(this.manager.undoStack, () => this.manager.undo())
  }

  redo(): void {
    this.binding.flush()
    this.oneStep(this.manager.redoStack, () => this.manager.redo())
  }

  /**
   * Y.UndoManager skips steps that no longer change anything (a peer has since overwritten every
   * field they touched) and goes on to older ones, so one Ctrl+Z could remove a shape the user
   * created minutes ago and a peer has worked on since. Here one Ctrl+Z is one step: a superseded
   * step is consumed without effect.
   */
  private oneStep(stack: Y.UndoManager['undoStack'], apply: () => void): void {
    const older = stack.splice(0, stack.length - 1)
    try {
      apply()
    } finally {
      stack.unshift(...older)
      this.canUndo.set(this.manager.canUndo())
      this.canRedo.set(this.manager.canRedo())
    }
  }

  destroy(): void {
    this.manager.destroy()
  }
}
