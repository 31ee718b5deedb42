import { createTLStore, createUserId, defaultBindingUtils, defaultShapeUtils, UserRecordType, atom, type TLInstancePresence } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createHeadlessEditor } from '../../test/headlessEditor.ts'
import { waitFor } from '../../test/waitFor.ts'
import { presenceIdOf, syncPresence } from './presence.ts'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** Relays awareness between peers the way the server does: current states first, then updates. */
function linkAwareness(...peers: Awareness[]) {
  for (const from of peers) {
    const update = encodeAwarenessUpdate(from, [...from.getStates().keys()])
    for (const to of peers) if (to !== from) applyAwarenessUpdate(to, update, 'relay')
  }
  for (const from of peers) {
    from.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      if (origin === 'relay') return
      const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed])
      for (const to of peers) if (to !== from) applyAwarenessUpdate(to, update, 'relay')
    })
  }
}

function openPeer(name: string) {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const user = atom('user', UserRecordType.create({ id: createUserId(name), name, color: '#3B5BDB' }))
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, users: { currentUser: user } })
  const editor = createHeadlessEditor(store)
  const rejected: number[] = []
  const stop = syncPresence({ store, awareness, currentUser: user, publish: true, onRejected: (id) => rejected.push(id) })
  cleanups.push(() => {
    stop()
    editor.dispose()
    awareness.destroy()
  })
  return { doc, awareness, store, editor, rejected }
}

const presences = (store: ReturnType<typeof openPeer>['store']) =>
  store.query.records('instance_presence').get() as TLInstancePresence[]

describe('presence', () => {
  it('maps peers’ awareness states to instance_presence records and removes them when a peer leaves', async () => {
    const alice = openPeer('Alice')
    const bob = openPeer('Bob')
    linkAwareness(alice.awareness, bob.awareness)

    alice.editor.updatePointer({ point: { x: 120, y: 80 } })
    await waitFor(
      () => presences(bob.store).some((p) => p.userName === 'Alice' && p.cursor?.x === 120),
      'Alice’s cursor at Bob',
    )
    const alicePresence = bob.store.get(presenceIdOf(alice.awareness.clientID))
    expect(alicePresence).toMatchObject({ userId: createUserId('Alice'), color: '#3B5BDB' })
    // Nobody sees themselves.
    expect(presences(alice.store).map((p) => p.userName)).toEqual(['Bob'])

    removeAwarenessStates(alice.awareness, [alice.awareness.clientID], 'left')
    expect(bob.store.has(presenceIdOf(alice.awareness.clientID))).toBe(false)
  })

  it('skips a presence state it cannot validate and keeps the others', async () => {
    const bob = openPeer('Bob')
    const mallory = new Awareness(new Y.Doc())
    const carol = openPeer('Carol')
    linkAwareness(bob.awareness, mallory, carol.awareness)
    mallory.setLocalStateField('presence', { typeName: 'instance_presence', cursor: 'everywhere' })
    await waitFor(() => presences(bob.store).some((p) => p.userName === 'Carol'), 'Carol’s presence at Bob')

    expect(bob.rejected).toContain(mallory.clientID)
    expect(bob.store.has(presenceIdOf(mallory.clientID))).toBe(false)
    mallory.destroy()
  })
})
