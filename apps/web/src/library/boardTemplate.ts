import { findTemplate, getBoardMap, TEMPLATE_APPLIED_KEY, TEMPLATE_KEY } from '@concord/shared'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { YjsBinding } from '../board/binding/binding.ts'
import { insertTemplate } from './insertTemplate.ts'

/**
 * Inserts the template a board was created with (a class session's team boards), once: the first
 * client that may edit and opens the board does it and marks it done. Record ids derive from the
 * board id, so two clients that open a new board at the same moment write the same records and
 * end with one copy. Call before the per-user undo starts, so nobody undoes it by accident.
 */
export function applyBoardTemplate(editor: Editor, { doc, binding, boardId }: { doc: Y.Doc; binding: YjsBinding; boardId: string }): void {
  const board = getBoardMap(doc)
  const templateId = board.get(TEMPLATE_KEY)
  if (typeof templateId !== 'string' || board.get(TEMPLATE_APPLIED_KEY) === true || editor.getIsReadonly()) return
  const template = findTemplate(templateId)
  if (!template) return
  doc.transact(() => board.set(TEMPLATE_APPLIED_KEY, true), binding.derivedOrigin)
  insertTemplate(editor, template, { x: 0, y: 0 }, { idSeed: boardId })
  editor.selectNone()
}
