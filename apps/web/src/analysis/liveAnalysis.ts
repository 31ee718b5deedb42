import { analyseRecords, type AnalysisResult, type JsonRecord } from '@concord/shared'
import { atom, type Editor, type Signal } from 'tldraw'
import { affectsAnalysis } from './analysisTriggers.ts'

/**
 * How long a change waits before the board is analysed again; the changes in that window share
 * one run. The store hands changes over once a frame, so the numbers follow a change reaching the
 * client within about 40 ms plus the analysis itself, well inside the 100 ms the panel promises.
 */
export const ANALYSIS_DELAY_MS = 20

export interface LiveAnalysis {
  /** The analysis of the editor's records as they were at the last run. */
  readonly result: Signal<AnalysisResult>
  dispose(): void
}

function designRecords(editor: Editor): JsonRecord[] {
  return editor.store.allRecords().filter((record) => record.typeName === 'shape' || record.typeName === 'binding') as unknown as JsonRecord[]
}

/**
 * The analysis of an editor's board, kept current off the input path: a local or remote change
 * that can affect it schedules one run on a timer instead of analysing inside the store listener,
 * so typing and dragging never wait for the analysis.
 */
export function createLiveAnalysis(editor: Editor, delayMs = ANALYSIS_DELAY_MS): LiveAnalysis {
  const analyse = () => analyseRecords(designRecords(editor))
  const result = atom<AnalysisResult>('analysis', analyse())
  let timer: ReturnType<typeof setTimeout> | null = null
  const stopListening = editor.store.listen(
    ({ changes }) => {
      if (timer !== null || !affectsAnalysis(changes)) return
      timer = setTimeout(() => {
        timer = null
        result.set(analyse())
      }, delayMs)
    },
    { scope: 'document', source: 'all' },
  )
  return {
    result,
    dispose() {
      stopListening()
      if (timer !== null) clearTimeout(timer)
    },
  }
}
