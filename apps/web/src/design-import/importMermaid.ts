import { flowchartRecords } from '@concord/shared'
import type { Editor, TLShapeId } from 'tldraw'
import { freshIdSeed, insertRecords } from '../library/insertTemplate.ts'
import { parseFlowchart } from './parseMermaid.ts'

/**
 * Turns Mermaid flowchart text into components, failure domains and connections beside what is on
 * the page, framed, as one undo step. Throws the parser's error and creates nothing when the text
 * is not a flowchart Mermaid accepts.
 */
export async function importMermaid(editor: Editor, text: string): Promise<TLShapeId[]> {
  const records = flowchartRecords(await parseFlowchart(text), freshIdSeed())
  return insertRecords(editor, records, 'import mermaid')
}
