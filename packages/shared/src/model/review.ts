import * as Y from 'yjs'
import { z } from 'zod'
import { readBounded } from './bounded-read.ts'

/**
 * The review document of a board (document name `review:<id>`): the peer-review layer that lives
 * beside the design in its own Y.Doc, synced over the same socket with the same link token.
 * Reviewers may write it while the design stays read-only for them.
 */

/** Yjs document name of a board's review layer. */
export function reviewDocumentName(boardId: string): string {
  return `review:${boardId}`
}

/** The documents a board consists of on `/collab`. */
export type BoardDocumentKind = 'board' | 'review'

/** Which document of which board a name denotes, or null when it is neither a design nor a review document. */
export function parseCollabDocumentName(name: string): { kind: BoardDocumentKind; boardId: string } | null {
  for (const kind of ['board', 'review'] as const) {
    if (name.startsWith(`${kind}:`)) return { kind, boardId: name.slice(kind.length + 1) }
  }
  return null
}

/*
 * Layout of a review document:
 *
 * - `threads`: comment threads keyed by thread id. Each thread is a Y.Map with its fields (anchor,
 *   author, time, status) and a `comments` Y.Array, so concurrent replies all survive and a
 *   resolve races a reply without losing either.
 * - `rubrics` (see `./rubric.ts`): one Y.Map per reviewer id.
 */
export const THREADS_KEY = 'threads'

/** What a thread is pinned to. Property anchors name one prop of a component (e.g. its consistency model). */
export const threadAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shape'), shapeId: z.string() }),
  z.object({ kind: z.literal('arrow'), shapeId: z.string() }),
  z.object({ kind: z.literal('property'), shapeId: z.string(), property: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('point'), pageId: z.string(), x: z.number(), y: z.number() }),
])
export type ThreadAnchor = z.infer<typeof threadAnchorSchema>

/** Who wrote something: there are no accounts, so a per-browser id plus the display name then. */
export const reviewAuthorSchema = z.object({ id: z.string().min(1), name: z.string() })
export type ReviewAuthor = z.infer<typeof reviewAuthorSchema>

/** Upper bound of one comment; comments are plain text (links are recognised when shown, never HTML). */
export const MAX_COMMENT_LENGTH = 5000

export const reviewCommentSchema = z.object({
  id: z.string(),
  author: reviewAuthorSchema,
  text: z.string().max(MAX_COMMENT_LENGTH),
  createdAt: z.number(),
})
export type ReviewComment = z.infer<typeof reviewCommentSchema>

const threadFieldsSchema = z.object({
  id: z.string(),
  anchor: threadAnchorSchema,
  author: reviewAuthorSchema,
  createdAt: z.number(),
  status: z.enum(['open', 'resolved']),
  /** Who last resolved or reopened the thread. */
  statusBy: reviewAuthorSchema.nullable(),
  /** The submitted version the thread was made on; null on the live board. */
  versionId: z.string().nullable().default(null),
})

export interface ReviewThread extends z.infer<typeof threadFieldsSchema> {
  comments: ReviewComment[]
}

function threadsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THREADS_KEY)
}

/** Starts a thread with its first comment; returns the thread id. */
export function createThread(
  doc: Y.Doc,
  {
    id,
    anchor,
    author,
    text,
    now,
    versionId = null,
  }: { id: string; anchor: ThreadAnchor; author: ReviewAuthor; text: string; now: number; versionId?: string | null },
): string {
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    thread.set('id', id)
    thread.set('anchor', anchor)
    thread.set('author', author)
    thread.set('createdAt', now)
    thread.set('status', 'open')
    thread.set('statusBy', null)
    thread.set('versionId', versionId)
    const comments = new Y.Array<ReviewComment>()
    comments.push([{ id: `${id}:0`, author, text, createdAt: now }])
    thread.set('comments', comments)
    threadsMap(doc).set(id, thread)
  })
  return id
}

/** Appends a reply; false when the thread does not exist (e.g. not synced yet). */
export function addReply(doc: Y.Doc, threadId: string, comment: ReviewComment): boolean {
  const comments = threadsMap(doc).get(threadId)?.get('comments')
  if (!(comments instanceof Y.Array)) return false
  comments.push([comment])
  return true
}

/** Resolves or reopens a thread. */
export function setThreadStatus(doc: Y.Doc, threadId: string, status: ReviewThread['status'], by: ReviewAuthor): boolean {
  const thread = threadsMap(doc).get(threadId)
  if (!(thread instanceof Y.Map)) return false
  doc.transact(() => {
    thread.set('status', status)
    thread.set('statusBy', by)
  })
  return true
}

/** Every thread that reads as one, oldest first; entries a peer wrote in another shape are skipped. */
export function readThreads(doc: Y.Doc): ReviewThread[] {
  const threads: ReviewThread[] = []
  for (const value of threadsMap(doc).values()) {
    if (!(value instanceof Y.Map)) continue
    const fields = threadFieldsSchema.safeParse(readBounded(value))
    const comments = value.get('comments')
    if (!fields.success || !(comments instanceof Y.Array)) continue
    const parsed = comments.toArray().flatMap((comment) => reviewCommentSchema.safeParse(comment).data ?? [])
    threads.push({ ...fields.data, comments: parsed })
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
