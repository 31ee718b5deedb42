import type { Editor } from 'tldraw'
import type { UserUndo } from './userUndo.ts'

/**
 * Routes the editor's undo and redo (keyboard shortcuts, menus, toolbar, `editor.undo()`) to the
 * per-user undo, and its history stopping points to the per-user undo's steps. tldraw's own
 * history keeps recording, because its tools bail back to a mark to cancel a gesture; it is
 * simply no longer what Ctrl+Z replays. Returns a function that restores the editor's methods.
 */
export function routeEditorHistory(editor: Editor, userUndo: UserUndo): () => void {
  const markStop = editor.markHistoryStoppingPoint
  editor.undo = function undo() {
    this.complete()
    userUndo.undo()
    return this
  }
  editor.redo = function redo() {
    this.complete()
    userUndo.redo()
    return this
  }
  editor.getCanUndo = () => userUndo.canUndo.get()
  editor.getCanRedo = () => userUndo.canRedo.get()
  editor.markHistoryStoppingPoint = function markHistoryStoppingPoint(name?: string) {
    userUndo.stopCapturing()
    return markStop.call(this, name)
  }
  // The editor's own methods live on its prototype: removing the instance's restores them.
  return () => {
    for (const key of ROUTED) Reflect.deleteProperty(editor, key)
  }
}

const ROUTED = ['undo', 'redo', 'getCanUndo', 'getCanRedo', 'markHistoryStoppingPoint'] as const
