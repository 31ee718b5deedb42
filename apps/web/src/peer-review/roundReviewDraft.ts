import type { ReviewAuthor, RoundReview, RoundReviewContent, ThreadAnchor } from '@concord/shared'
import { atom, computed, type Atom, type Signal } from 'tldraw'
import { saveRoundReview, submitRoundReview } from '../api/roundReviews.ts'
import type { ScoreEntry } from '../review/RubricScores.tsx'
import type { CommentSource } from '../review/reviewSource.ts'
import { commentsAsThreads } from './roundThreads.ts'

/** Where the draft stands against the server. */
export type SaveState = { kind: 'saved'; at: number | null } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string }

/** Saved this long after the last change. */
const AUTOSAVE_MS = 1500

function messageOf(error: unknown): string {
  return error instanceof TypeError ? 'Cannot reach the Concord server.' : error instanceof Error ? error.message : String(error)
}

/**
 * A student's review of one assigned design in a round: the comments (for the comment UI, as
 * threads) and the rubric scores, saved as a draft through the round review API, automatically
 * shortly after each change and on demand, then submitted. Read-only once submitted.
 */
export class RoundReviewDraft implements CommentSource {
  readonly content: Atom<RoundReviewContent>
  /** The review as the server last returned it (null before the first save). */
  readonly saved: Atom<RoundReview | null>
  readonly saveState: Atom<SaveState>
  readonly threads: Signal<ReturnType<typeof commentsAsThreads>>
  readonly canComment: Signal<boolean>
  readonly panelOpen = atom('round review panel open', true)
  readonly focusedThread: Atom<string | null> = atom('focused thread', null)
  readonly pickingPoint = atom('picking comment point', false)
  readonly pickedPoint: Atom<{ pageId: string; x: number; y: number } | null> = atom('picked comment point', null)
  readonly conversation = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly token: string,
    private readonly assignmentId: string,
    review: RoundReview | null,
  ) {
    this.content = atom('round review content', { comments: review?.comments ?? [], scores: review?.scores ?? {} })
    this.saved = atom('round review saved', review)
    this.saveState = atom<SaveState>('round review save state', { kind: 'saved', at: review?.updatedAt ?? null })
    this.threads = computed('round review threads', () => commentsAsThreads(this.content.get().comments, this.saved.get()?.updatedAt ?? Date.now()))
    this.canComment = computed('round review writable', () => this.saved.get()?.status !== 'submitted')
  }

  addThread(anchor: ThreadAnchor, _author: ReviewAuthor, text: string): string {
    const id = crypto.randomUUID()
    this.change((content) => ({ ...content, comments: [...content.comments, { id, anchor, text }] }))
    return id
  }

  readonly remove = (threadId: string): void => {
    this.change((content) => ({ ...content, comments: content.comments.filter(({ id }) => id !== threadId) }))
  }

  setScore(criterion: string, change: Partial<ScoreEntry>): void {
    this.change((content) => {
      const current = content.scores[criterion] ?? { score: null, justification: '' }
      return { ...content, scores: { ...content.scores, [criterion]: { ...current, ...change } } }
    })
  }

  openThread(threadId: string | null): void {
    this.panelOpen.set(true)
    this.focusedThread.set(threadId)
  }

  versionName(): null {
    return null
  }

  /** Whether the server lacks changes made here (unsaved, being saved, or the save failed). */
  hasUnsavedChanges(): boolean {
    return this.saveState.get().kind !== 'saved'
  }

  /** Saves the draft now unless nothing changed; true when the server has it. */
  async save(): Promise<boolean> {
    this.cancelAutosave()
    const state = this.saveState.get()
    if (state.kind === 'saved') return true
    if (state.kind === 'saving') return false
    const content = this.content.get()
    this.saveState.set({ kind: 'saving' })
    try {
      const review = await saveRoundReview(this.token, this.assignmentId, content)
      this.saved.set(review)
      if (this.content.get() === content) {
        this.saveState.set({ kind: 'saved', at: review.updatedAt })
        return true
      }
      // Changed while saving: the newer content is saved in turn.
      this.saveState.set({ kind: 'unsaved' })
      this.scheduleAutosave()
      return false
    } catch (error) {
      this.saveState.set({ kind: 'failed', message: messageOf(error) })
      return false
    }
  }

  /** Saves, then submits: the review is final. Throws with the server's reason when refused. */
  async submit(): Promise<void> {
    if (!(await this.save())) {
      const state = this.saveState.get()
      throw new Error(state.kind === 'failed' ? state.message : 'The draft is still being saved: try again in a moment.')
    }
    this.saved.set(await submitRoundReview(this.token, this.assignmentId))
  }

  destroy(): void {
    // Leaving with a change not yet saved: save it on the way out.
    if (this.timer !== null) void this.save()
    this.cancelAutosave()
  }

  private change(update: (content: RoundReviewContent) => RoundReviewContent): void {
    if (!this.canComment.get()) return
    this.content.set(update(this.content.get()))
    this.markUnsaved()
  }

  private markUnsaved(): void {
    // While saving, the state stays "saving": the save sees the newer content when it ends.
    if (this.saveState.get().kind !== 'saving') this.saveState.set({ kind: 'unsaved' })
    this.scheduleAutosave()
  }

  private scheduleAutosave(): void {
    this.cancelAutosave()
    this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS)
  }

  private cancelAutosave(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
