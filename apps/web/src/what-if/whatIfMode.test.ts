import { CATALOG, DEFAULT_BOARD_CONTROLS, deleteRecord, getRecordsMap, templateRecords, writeRecord, type BoardControls, type ControlCommand } from '@concord/shared'
import { atom } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardControlsState } from '../classroom/boardControls.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { saveIdentity } from '../identity/identity.ts'
import { waitFor } from '../test/waitFor.ts'
import { WhatIfMode } from './whatIfMode.ts'

const template = CATALOG.templates.find((t) => t.id === 'three-tier-web')!
const id = (ref: string) => `shape:tt-${ref}`

const modes: WhatIfMode[] = []
afterEach(() => {
  for (const mode of modes.splice(0)) mode.destroy()
})

/** A what-if over a template board, with the server's controls played by hand and the commands it would send recorded. */
function setUp() {
  const doc = new Y.Doc()
  for (const record of templateRecords(template, 'tt')) writeRecord(getRecordsMap(doc), record)
  const sent: ControlCommand[] = []
  const controls: BoardControlsState = { controls: atom<BoardControls>('controls', DEFAULT_BOARD_CONTROLS), refusal: atom('refusal', null), send: (command) => sent.push(command) }
  const mode = new WhatIfMode(doc, controls)
  modes.push(mode)
  return { doc, mode, controls, sent }
}

describe('WhatIfMode', () => {
  it('is off until started; then compares the board with what this user takes down, and writes nothing', async () => {
    const { doc, mode } = setUp()
    const before = JSON.stringify(doc.toJSON())
    expect(mode.view.get()).toBeNull()
    mode.start()
    await waitFor(() => mode.outcome.get() !== null, 'the first comparison')
    expect(mode.outcome.get()!.failedComponents).toEqual([])
    mode.toggle(id('zone-a'))
    await waitFor(() => mode.outcome.get()!.failedContainers.includes(id('zone-a')), 'zone a to fail')
    expect(mode.outcome.get()!.entries.find((entry) => entry.id === id('browser'))!.lost).toBe(true)
    mode.toggle(id('zone-a'))
    await waitFor(() => mode.outcome.get()!.failedContainers.length === 0, 'zone a to come back')
    expect(JSON.stringify(doc.toJSON())).toBe(before)
    mode.end()
    await waitFor(() => mode.outcome.get() === null, 'the what-if to end')
  })

  it('compares again when a design record changes', async () => {
    const { doc, mode } = setUp()
    mode.toggle(id('zone-b'))
    await waitFor(() => mode.outcome.get()?.failedComponents.includes(id('app-b')) === true, 'zone b to fail')
    deleteRecord(getRecordsMap(doc), id('app-b'))
    await waitFor(() => mode.outcome.get()?.failedComponents.includes(id('app-b')) === false, 'the deleted component to leave the comparison')
    expect(mode.outcome.get()!.failedComponents).toEqual([id('db-follower')])
  })

  it('shows the owner’s shared what-if in place of its own, whose choices wait until it ends', async () => {
    const { mode, controls, sent } = setUp()
    mode.toggle(id('cache'))
    controls.controls.set({ ...DEFAULT_BOARD_CONTROLS, whatIf: { userId: 'user:someone-else', name: 'Dr. Mira', failed: [id('zone-a')], at: 1 } })
    expect(mode.following.get()).toBe(true)
    expect(mode.view.get()?.failed).toEqual([id('zone-a')])
    mode.toggle(id('dns'))
    expect(mode.own.get()).toEqual([id('cache')])
    expect(sent).toEqual([])
    controls.controls.set(DEFAULT_BOARD_CONTROLS)
    expect(mode.view.get()).toEqual({ failed: [id('cache')], shared: null })
  })

  it('sends each change of the what-if this user shows to everyone, and its end', () => {
    saveIdentity({ name: 'Dr. Mira' })
    const me = currentTLUser.get()!
    const { mode, controls, sent } = setUp()
    mode.toggle(id('zone-a'))
    mode.showToEveryone()
    expect(sent).toEqual([{ op: 'what-if', userId: me.id, name: 'Dr. Mira', failed: [id('zone-a')] }])
    controls.controls.set({ ...DEFAULT_BOARD_CONTROLS, whatIf: { userId: me.id, name: 'Dr. Mira', failed: [id('zone-a')], at: 1 } })
    expect(mode.sharedByMe.get()).toBe(true)
    mode.toggle(id('zone-b'))
    expect(sent.at(-1)).toEqual({ op: 'what-if', userId: me.id, name: 'Dr. Mira', failed: [id('zone-a'), id('zone-b')] })
    mode.end()
    expect(sent.at(-1)).toEqual({ op: 'what-if-end' })
  })
})
