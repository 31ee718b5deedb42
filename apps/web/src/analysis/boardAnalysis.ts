import { atom, type Atom, type Editor } from 'tldraw'
import { z } from 'zod'
import { localStorageAtom } from '../local/localStorageAtom.ts'
import { createLiveAnalysis, type LiveAnalysis } from './liveAnalysis.ts'

/** Whether this browser shows the analysis badges on shapes (a personal view setting, like a theme). */
export const badgesShown = localStorageAtom('concord.analysis.badges', z.boolean(), true)

/** The open board's live analysis, and whether this user has its panel open. */
export interface BoardAnalysis extends LiveAnalysis {
  readonly panelOpen: Atom<boolean>
}

export function createBoardAnalysis(editor: Editor): BoardAnalysis {
  return { ...createLiveAnalysis(editor), panelOpen: atom('analysis panel open', false) }
}
