import { CATALOG, findKind, getRecordsMap, jsonEqual, readAllRecords, readRecord, templateRecords, writeRecord, type JsonRecord } from '@concord/shared'
import type { TLArrowShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readConnection } from '../inspector/connection.ts'
import { componentTarget } from '../inspector/propertyTargets.ts'
import { sharedDefinitions } from '../inspector/sharedDefinitions.ts'
import { isComponentShape, type ComponentShape } from '../shapes/componentType.ts'
import { documentRecords, openBoardClient } from '../test/boardClient.ts'
import { linkDocs } from '../test/linkedDocs.ts'
import { waitFor } from '../test/waitFor.ts'
import { insertTemplate } from './insertTemplate.ts'
import { placeComponent } from './placeShapes.ts'
import { searchComponents } from './searchCatalog.ts'

const components = (client: ReturnType<typeof openBoardClient>) =>
  client.editor.getCurrentPageShapesSorted().filter(isComponentShape)

describe('the library on a board', () => {
  it('places a component with its kind’s defaults, and a peer receives it intact', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    linkDocs(a.doc, b.doc)
    const kind = CATALOG.kinds[0]!
    const id = placeComponent(a.editor, kind, { x: 100, y: 100 })
    a.binding.flush()
    await waitFor(() => b.store.has(id), 'the component to reach B')
    expect(b.editor.getShape(id)).toMatchObject({ type: 'component', props: { kind: kind.id, name: kind.label } })
    expect(b.rejected).toEqual([])
  })

  it.each(CATALOG.templates.map((t) => [t.id, t] as const))('inserts template %s whole, with bound connections, on every replica', async (_id, template) => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    linkDocs(a.doc, b.doc)
    insertTemplate(a.editor, template, { x: 0, y: 0 })
    a.binding.flush()
    await waitFor(() => components(b).length === template.components.length, 'the template to reach B')
    const arrows = b.editor.getCurrentPageShapes().filter((s): s is TLArrowShape => s.type === 'arrow')
    expect(arrows).toHaveLength(template.connections.length)
    for (const arrow of arrows) {
      expect(b.editor.getBindingsFromShape(arrow, 'arrow')).toHaveLength(2)
      expect(Object.keys(readConnection(arrow).properties).length).toBeGreaterThan(0)
    }
    // Members of containers are children of their container (membership is data).
    const inContainers = template.components.filter((c) => c.in).length
    expect(components(b).filter((c) => b.editor.getShape(c.parentId)?.type === 'container')).toHaveLength(inContainers)
    expect(a.rejected).toEqual([])
    expect(b.rejected).toEqual([])
    await waitFor(() => jsonEqual(documentRecords(a.store), documentRecords(b.store)), 'the replicas to settle')
  })

  it.each(CATALOG.templates.map((t) => [t.id, t] as const))('a board created from template %s opens unchanged, with what inserting the template writes', (_id, template) => {
    const created = new Y.Doc()
    created.transact(() => {
      for (const record of templateRecords(template, 'teamboard')) writeRecord(getRecordsMap(created), record)
    })
    // The board's records as stored, but for the user record every editor adds for itself.
    const board = (doc: Y.Doc) => readAllRecords(getRecordsMap(doc)).filter((record) => record.typeName !== 'user')
    const stored = board(created)
    const opened = openBoardClient({ doc: created })
    opened.binding.flush()
    expect(opened.rejected).toEqual([])
    // tldraw found nothing to fix: arrows already sit where it keeps them (parent and z-order).
    expect(board(created)).toEqual(stored)

    const inserted = openBoardClient({ seed: true })
    insertTemplate(inserted.editor, template, { x: 0, y: 0 })
    inserted.binding.flush()
    // The same design, up to the ids' random part and the exact z-order keys tldraw picked.
    const comparable = (doc: Y.Doc) =>
      (JSON.parse(JSON.stringify(board(doc).map(({ index: _index, ...rest }) => rest)).replace(/"(shape|binding):[A-Za-z0-9]+-/g, '"$1:X-')) as JsonRecord[]).sort((a, b) =>
        a.id.localeCompare(b.id),
      )
    expect(comparable(inserted.doc)).toEqual(comparable(created))
    const order = (client: typeof opened) =>
      client.editor
        .getCurrentPageShapesSorted()
        .filter((shape) => shape.type !== 'arrow')
        .map((shape) => shape.props)
    expect(order(inserted)).toEqual(order(opened))
  })

  it('two users editing different properties and rationales of one component at once both keep their edits', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    const link = linkDocs(a.doc, b.doc)
    const kind = findKind('replicated-relational-db') ?? CATALOG.kinds[0]!
    const id = placeComponent(a.editor, kind, { x: 0, y: 0 })
    a.binding.flush()
    await waitFor(() => b.store.has(id), 'the component to reach B')
    const [first, second] = CATALOG.commonProperties.filter((def) => def.valueType.type === 'text' || def.valueType.type === 'enum')
    const valueFor = (def: typeof first) =>
      def!.valueType.type === 'enum' ? def!.valueType.options.at(-1)!.value : 'written by a test'

    link.pause()
    componentTarget(a.editor, [a.editor.getShape(id) as ComponentShape]).setValue(first!.id, valueFor(first))
    componentTarget(a.editor, [a.editor.getShape(id) as ComponentShape]).setRationale(first!.id, 'A’s reason')
    componentTarget(b.editor, [b.editor.getShape(id) as ComponentShape]).setValue(second!.id, valueFor(second))
    componentTarget(b.editor, [b.editor.getShape(id) as ComponentShape]).setRationale(second!.id, 'B’s reason')
    a.binding.flush()
    b.binding.flush()
    link.flush()

    for (const client of [a, b]) {
      const shape = client.editor.getShape(id) as ComponentShape
      expect(shape.props.properties).toMatchObject({ [first!.id]: valueFor(first), [second!.id]: valueFor(second) })
      expect(shape.props.rationale).toEqual({ [first!.id]: 'A’s reason', [second!.id]: 'B’s reason' })
    }
  })

  it('edits the properties a multi-selection shares, on every selected component', () => {
    const client = openBoardClient({ seed: true })
    const [first, second] = CATALOG.kinds.filter((k) => k.properties.length > 0)
    const ids = [placeComponent(client.editor, first!, { x: 0, y: 0 }), placeComponent(client.editor, second!, { x: 400, y: 0 })]
    const shapes = ids.map((id) => client.editor.getShape(id) as ComponentShape)
    const shared = sharedDefinitions(shapes)
    // Only the common properties are shared by two different kinds.
    expect(shared.map((def) => def.id)).toEqual(CATALOG.commonProperties.map((def) => def.id))
    const availability = shared.find((def) => def.valueType.type === 'percent')!
    componentTarget(client.editor, shapes).setValue(availability.id, 99.9)
    for (const id of ids) expect((client.editor.getShape(id) as ComponentShape).props.properties[availability.id]).toBe(99.9)
    // One step undoes the edit on both.
    client.editor.undo()
    for (const id of ids) expect((client.editor.getShape(id) as ComponentShape).props.properties[availability.id]).not.toBe(99.9)
  })

  it('skips a component whose property value a peer made invalid, keeping the last valid version', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    linkDocs(a.doc, b.doc)
    const kind = CATALOG.kinds.find((k) => k.properties.some((def) => def.valueType.type === 'number'))!
    const numeric = kind.properties.find((def) => def.valueType.type === 'number')!
    const id = placeComponent(a.editor, kind, { x: 0, y: 0 })
    a.binding.flush()
    await waitFor(() => b.store.has(id), 'the component to reach B')
    const stored = readRecord(getRecordsMap(a.doc), id)!
    const props = stored.props as { properties: Record<string, unknown> }
    a.doc.transact(() =>
      writeRecord(getRecordsMap(a.doc), {
        ...stored,
        props: { ...props, properties: { ...props.properties, [numeric.id]: 'lots' } },
      } as JsonRecord),
    )
    await waitFor(() => b.rejected.length === 1, 'the invalid value to be reported')
    expect(b.rejected[0]!.id).toBe(id)
    expect((b.editor.getShape(id) as ComponentShape).props.properties[numeric.id]).not.toBe('lots')
  })

  it('skips a component carrying another kind’s property, and a connection with an invalid property value', async () => {
    const a = openBoardClient({ seed: true })
    const b = openBoardClient()
    linkDocs(a.doc, b.doc)
    const template = CATALOG.templates[0]!
    insertTemplate(a.editor, template, { x: 0, y: 0 })
    a.binding.flush()
    await waitFor(() => components(b).length === template.components.length, 'the template to reach B')
    const records = getRecordsMap(a.doc)
    const component = readAllRecords(records).find((record) => record.type === 'component')!
    const kind = findKind((component.props as { kind: string }).kind)!
    // A property only some other kind has: valid somewhere in the catalog, not on this component.
    const foreign = CATALOG.kinds.flatMap((k) => k.properties).find((def) => !kind.properties.some((own) => own.id === def.id) && def.valueType.type === 'boolean')!
    const arrow = readAllRecords(records).find((record) => record.type === 'arrow')!
    const meta = arrow.meta as { connection: Record<string, unknown> }
    a.doc.transact(() => {
      const props = component.props as { properties: Record<string, unknown> }
      writeRecord(records, { ...component, props: { ...props, properties: { ...props.properties, [foreign.id]: true } } } as JsonRecord)
      writeRecord(records, { ...arrow, meta: { ...meta, connection: { ...meta.connection, timeout: 'forever' } } } as JsonRecord)
    })
    await waitFor(() => b.rejected.length === 2, 'both invalid records to be reported')
    expect(b.rejected.map((rejection) => rejection.id).sort()).toEqual([arrow.id, component.id].sort())
    expect((b.editor.getShape(component.id as never) as ComponentShape).props.properties[foreign.id]).toBeUndefined()
    expect(readConnection(b.editor.getShape(arrow.id as never) as TLArrowShape).properties.timeout).not.toBe('forever')
  })

  it('finds components by words from their label, group or description, in any case', () => {
    const ids = (query: string) => searchComponents(CATALOG, query).flatMap((s) => s.kinds.map((k) => k.id))
    for (const kind of CATALOG.kinds) {
      const group = CATALOG.groups.find((g) => g.id === kind.group)!
      expect(ids(kind.label.toUpperCase())).toContain(kind.id)
      expect(ids(`${group.label} ${kind.label.split(' ')[0]}`)).toContain(kind.id)
    }
    expect(ids('no such component anywhere')).toEqual([])
    expect(ids('')).toHaveLength(CATALOG.kinds.length)
  })
})
