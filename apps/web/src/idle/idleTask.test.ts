import { describe, expect, it } from 'vitest'
import { waitFor } from '../test/waitFor.ts'
import { IdleTask } from './idleTask.ts'

describe('IdleTask', () => {
  it('runs once for many requests made before it ran, and again when asked after', async () => {
    let runs = 0
    const task = new IdleTask(() => runs++)
    task.schedule()
    task.schedule()
    task.schedule()
    expect(runs).toBe(0)
    await waitFor(() => runs === 1, 'the first run')
    task.schedule()
    await waitFor(() => runs === 2, 'the second run')
    task.destroy()
  })

  it('does not run once destroyed', async () => {
    let runs = 0
    const destroyed = new IdleTask(() => runs++)
    destroyed.schedule()
    destroyed.destroy()
    // A second task scheduled after it has run: by then the first would have run too.
    let later = 0
    const probe = new IdleTask(() => later++)
    probe.schedule()
    await waitFor(() => later === 1, 'the probe to run')
    expect(runs).toBe(0)
  })
})
