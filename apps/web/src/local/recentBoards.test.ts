import { beforeEach, describe, expect, it } from 'vitest'
import { findRecentBoard, recentBoards, rememberBoard } from './recentBoards.ts'

describe('recent boards', () => {
  beforeEach(() => {
    localStorage.clear()
    recentBoards.set([])
  })

  it('keeps boards newest first, once each, and survives a reload of the list', () => {
    rememberBoard({ id: 'a', title: 'Alpha', role: 'owner', link: '/b/a#k=1' })
    rememberBoard({ id: 'b', title: 'Beta', role: 'editor', link: '/b/b#k=2' })
    rememberBoard({ id: 'a', title: 'Alpha v2', role: 'owner', link: '/b/a#k=1' })

    expect(recentBoards.get().map((b) => b.title)).toEqual(['Alpha v2', 'Beta'])
    expect(JSON.parse(localStorage.getItem('concord:recent-boards')!)).toHaveLength(2)
    expect(findRecentBoard('b')?.link).toBe('/b/b#k=2')
  })
})
