import { describe, expect, it } from 'vitest'
import { commentsAsThreads, OWN_AUTHOR } from './roundThreads.ts'

describe('commentsAsThreads', () => {
  it('shows each comment as an open thread of its own, pinned where the comment is', () => {
    const anchor = { kind: 'property', shapeId: 'shape:db', property: 'properties.consistency' } as const
    const [thread, ...rest] = commentsAsThreads([{ id: 'c1', anchor, text: 'Why eventual?' }], 42)
    expect(rest).toEqual([])
    expect(thread).toMatchObject({ id: 'c1', anchor, status: 'open', versionId: null, author: OWN_AUTHOR })
    expect(thread!.comments).toEqual([{ id: 'c1', author: OWN_AUTHOR, text: 'Why eventual?', createdAt: 42 }])
  })
})
