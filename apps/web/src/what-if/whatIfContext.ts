import { createContext, useContext } from 'react'
import type { WhatIfMode } from './whatIfMode.ts'

/** The open board's what-if, for the views inside tldraw's slots (which take no props). */
export const WhatIfContext = createContext<WhatIfMode | null>(null)

/** The board's what-if mode, or null while the board opens. */
export function useWhatIf(): WhatIfMode | null {
  return useContext(WhatIfContext)
}
