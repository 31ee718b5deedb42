import { changesDesign, compareWhatIf, getRecordsMap, readAllRecords, type BoardControls, type WhatIfOutcome, type YRecords } from '@concord/shared'
import { atom, computed, react, type Atom, type Computed } from 'tldraw'
import type * as Y from 'yjs'
import type { BoardControlsState } from '../classroom/boardControls.ts'
import { IdleTask } from '../idle/idleTask.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { identity } from '../identity/identity.ts'

/** What the canvas shows as failed: this user's own what-if, or the one the owner shows to everyone. */
export interface WhatIfView {
  failed: readonly string[]
  /** Set when the owner shows a what-if to everyone: it replaces each user's own. */
  shared: BoardControls['whatIf']
}

/**
 * One user's what-if on an open board: the components and failure domains they take down in
 * their own view (never written to the board), or the owner's what-if while it is shown to
 * everyone. The comparison with the board as it is runs when the browser is idle, after a change
 * of the failures or of a design record, so that dragging and typing never wait for it.
 */
export class WhatIfMode {
  /** Whether this user is in what-if mode. */
  readonly active: Atom<boolean> = atom('what-if active', false)
  /** The ids this user takes down in their own what-if. */
  readonly own: Atom<readonly string[]> = atom('what-if own failures', [])
  readonly view: Computed<WhatIfView | null>
  /** The latest comparison of the view's failures with the board as it is; null outside what-if. */
  readonly outcome: Atom<WhatIfOutcome | null> = atom('what-if outcome', null)
  private readonly records: YRecords
  private readonly task = new IdleTask(() => this.compute())
  private readonly stopReacting: () => void

  constructor(
    doc: Y.Doc,
    private readonly controls: BoardControlsState,
  ) {
    this.records = getRecordsMap(doc)
    this.view = computed('what-if view', () => {
      const shared = controls.controls.get().whatIf
      if (shared) return { failed: shared.failed, shared }
      return this.active.get() ? { failed: this.own.get(), shared: null } : null
    })
    this.records.observeDeep(this.onRecords)
    this.stopReacting = react('what-if failures', () => {
      this.view.get()
      this.task.schedule()
    })
  }

  /** Whether this tab shows the shared what-if (so its changes go to everyone). */
  readonly sharedByMe = computed('what-if shared by me', () => {
    const shared = this.controls.controls.get().whatIf
    return shared !== null && shared.userId === currentTLUser.get()?.id
  })

  /** Whether someone else's what-if is shown: this user's own choices wait until it ends. */
  readonly following = computed('what-if following', () => this.controls.controls.get().whatIf !== null && !this.sharedByMe.get())

  start(): void {
    this.active.set(true)
  }

  toggle(id: string): void {
    if (this.following.get()) return
    const own = this.own.get()
    this.own.set(own.includes(id) ? own.filter((other) => other !== id) : [...own, id])
    this.active.set(true)
    if (this.sharedByMe.get()) this.showToEveryone()
  }

  /** The owner shows their what-if to everyone on the board (the server refuses anyone else). */
  showToEveryone(): void {
    const user = currentTLUser.get()
    if (!user) return
    this.controls.send({ op: 'what-if', userId: user.id, name: identity.get()?.name ?? user.name, failed: [...this.own.get()] })
  }

  /** Ends this user's what-if, and for everyone when it is the one they show. */
  end(): void {
    if (this.sharedByMe.get()) this.controls.send({ op: 'what-if-end' })
    this.active.set(false)
    this.own.set([])
  }

  destroy(): void {
    this.stopReacting()
    this.task.destroy()
    this.records.unobserveDeep(this.onRecords)
  }

  private readonly onRecords = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    if (this.view.get() && changesDesign(this.records, events)) this.task.schedule()
  }

  private compute(): void {
    const view = this.view.get()
    this.outcome.set(view ? compareWhatIf(readAllRecords(this.records), view.failed) : null)
  }
}
