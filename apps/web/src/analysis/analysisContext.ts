import { createContext, useContext } from 'react'
import type { BoardAnalysis } from './boardAnalysis.ts'

/** The live board's analysis, for the views tldraw mounts without props (bar, panel, badges). */
export const AnalysisContext = createContext<BoardAnalysis | null>(null)

/** The analysis, or null while the live editor mounts and while a frozen version is shown. */
export function useAnalysis(): BoardAnalysis | null {
  return useContext(AnalysisContext)
}
