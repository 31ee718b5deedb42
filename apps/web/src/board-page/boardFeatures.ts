import type { BoardSessionFeature } from '../board/sync/sessionFeature.ts'
import { boardControls } from '../classroom/boardControls.ts'
import { labReporting } from '../lab/labReporting.ts'
import { serverStateMemory } from '../revoked/serverState.ts'

/** What rides on every open board, in the editor as in the lab (itself a replica of the board). */
export const boardFeatures: readonly BoardSessionFeature[] = [boardControls.attach, labReporting.attach, serverStateMemory]
