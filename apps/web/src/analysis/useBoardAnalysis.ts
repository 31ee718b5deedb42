import type { Editor } from 'tldraw'
import { useOwned } from '../ui/useOwned.ts'
import { createBoardAnalysis, type BoardAnalysis } from './boardAnalysis.ts'

/** The live board's analysis while its editor is mounted (none for a frozen version's). */
export function useBoardAnalysis(editor: Editor | null): BoardAnalysis | null {
  return useOwned(
    () => (editor ? createBoardAnalysis(editor) : null),
    (analysis) => analysis?.dispose(),
    [editor],
  )
}
