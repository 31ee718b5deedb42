import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { waitFor } from '@concord/test-kit/wait'
import { GroupCommit } from '../src/collab/group-commit.ts'
import { ConcordMetrics } from '../src/metrics.ts'
import type { DocumentWrite, Storage } from '../src/storage/types.ts'

/** Records every group commit; fails while `failing` is set. */
function recordingStorage() {
  const commits: DocumentWrite[][] = []
  const storage = {
    failing: false,
    commits,
    async writeDocuments(writes: DocumentWrite[]) {
      if (storage.failing) throw new Error('disk full')
      commits.push(writes)
    },
  }
  return storage
}

const bytes = (value: number) => new Uint8Array([value])
const timing = { intervalMs: 5, firstRetryMs: 10, maxRetryMs: 40 }

function groupCommit(storage: ReturnType<typeof recordingStorage>) {
  return new GroupCommit(storage as unknown as Storage, new ConcordMetrics(), pino({ level: 'silent' }), timing)
}

describe('group commit', () => {
  it('writes the updates that arrive within one interval in one transaction', async () => {
    const storage = recordingStorage()
    const commits = groupCommit(storage)
    commits.append('board:a', bytes(1))
    commits.append('board:b', bytes(2))
    const last = commits.append('board:a', bytes(3))
    expect(commits.committed).toBe(0)
    await commits.whenCommitted(last)
    expect(storage.commits).toEqual([
      [
        { name: 'board:a', updates: [bytes(1), bytes(3)], snapshot: undefined },
        { name: 'board:b', updates: [bytes(2)], snapshot: undefined },
      ],
    ])
    expect(commits.committed).toBe(last)
  })

  it('keeps failed updates in order ahead of newer ones and commits them all once storage works', async () => {
    const storage = recordingStorage()
    const commits = groupCommit(storage)
    storage.failing = true
    commits.append('board:a', bytes(1))
    await waitFor(() => commits.failing, { what: 'a failed commit' })
    const last = commits.append('board:a', bytes(2))
    expect(commits.committed).toBe(0)
    expect(commits.pendingFor('board:a')).toEqual([bytes(1), bytes(2)])
    storage.failing = false
    await commits.whenCommitted(last)
    expect(storage.commits.flat()).toEqual([{ name: 'board:a', updates: [bytes(1), bytes(2)], snapshot: undefined }])
    expect(commits.failing).toBe(false)
  })

  it('counts the updates of a commit in flight as pending: a document loading meanwhile gets them', async () => {
    let finish = () => {}
    const written: DocumentWrite[][] = []
    const slowStorage = {
      writeDocuments: (writes: DocumentWrite[]) =>
        new Promise<void>((resolve) => {
          written.push(writes)
          finish = resolve
        }),
    }
    const commits = new GroupCommit(slowStorage as unknown as Storage, new ConcordMetrics(), pino({ level: 'silent' }), timing)
    const first = commits.append('board:a', bytes(1))
    await waitFor(() => written.length === 1, { what: 'the commit to start' })
    commits.append('board:a', bytes(2))
    expect(commits.pendingFor('board:a')).toEqual([bytes(1), bytes(2)])
    expect(commits.pendingUpdates).toBe(2)
    finish()
    await commits.whenCommitted(first)
    expect(commits.pendingFor('board:a')).toEqual([bytes(2)])
  })

  it('a compaction replaces the pending updates of its document by the snapshot it encodes at commit time', async () => {
    const storage = recordingStorage()
    const commits = groupCommit(storage)
    commits.append('board:a', bytes(1))
    let state = 10
    const compacted = commits.compact('board:a', () => bytes(state))
    state = 11
    await compacted
    expect(storage.commits).toEqual([[{ name: 'board:a', updates: [bytes(1)], snapshot: bytes(11) }]])
  })
})
