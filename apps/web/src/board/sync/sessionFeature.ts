import type { BoardSession } from './boardSession.ts'

/**
 * A feature that rides on every open board (the lab's reporting, the class controls, ...): the
 * session calls it once it is connected and calls what it returns when the session is destroyed.
 * The page chooses the features, so the session knows none of them.
 */
export type BoardSessionFeature = (session: BoardSession) => () => void

/**
 * A feature that keeps its own state for each open board: `attach` (a BoardSessionFeature) starts
 * it, `of` gives a board's state to the feature's views.
 */
export function featureWithState<T>(name: string, start: (session: BoardSession) => { state: T; stop(): void }) {
  // Weak: a destroyed session's state goes with it, and views still holding that session can read it meanwhile.
  const states = new WeakMap<BoardSession, T>()
  const attach: BoardSessionFeature = (session) => {
    const { state, stop } = start(session)
    states.set(session, state)
    return stop
  }
  const of = (session: BoardSession): T => {
    const state = states.get(session)
    if (state === undefined) throw new Error(`${name} is not attached to this board`)
    return state
  }
  return { attach, of }
}
