import { describe, expect, it } from 'vitest'
import { SqliteStorage } from '../src/storage/sqlite.ts'
import { checkFeedbackStorage } from './helpers/peer-review-feedback-storage.ts'
import { testResources } from './helpers/resources.ts'

const { dataDir } = testResources()

describe('peer review storage in SQLite', () => {
  it('keeps ratings, flags, hidden reviews and calibrations', async () => {
    const storage = new SqliteStorage(dataDir())
    try {
      await expect(checkFeedbackStorage(storage, storage)).resolves.toBeUndefined()
    } finally {
      await storage.close()
    }
  })
})
