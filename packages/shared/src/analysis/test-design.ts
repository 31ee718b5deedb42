import { templateRecords } from '../catalog/template-records.ts'
import type { PropertyValue, Template } from '../catalog/types.ts'
import type { JsonRecord } from '../model/codec.ts'

/** A component for a test design: `[ref, kind, properties, container ref]`. */
export type TestComponent = [string, string, Record<string, PropertyValue>?, string?]
/** A connection: `[from ref, to ref, properties]`. */
export type TestConnection = [string, string, Record<string, PropertyValue>?]
/** A container: `[ref, kind, parent container ref]`. */
export type TestContainer = [string, string, string?]

/** The shape id a test design gives `ref`. */
export const shape = (ref: string) => `shape:t-${ref}`

/**
 * A board's records for a small test design, built the way a template's are (so through the same
 * records the codec stores): components, containers and bound arrows.
 */
export function design(components: TestComponent[], connections: TestConnection[] = [], containers: TestContainer[] = []): JsonRecord[] {
  const template: Template = {
    id: 'test',
    name: 'test',
    description: 'test',
    containers: containers.map(([ref, kind, parent], i) => ({ ref, kind, name: ref, x: i * 10, y: 0, w: 100, h: 100, ...(parent ? { in: parent } : {}) })),
    components: components.map(([ref, kind, properties, parent], i) => ({ ref, kind, name: ref, x: i * 10, y: 0, properties: properties ?? {}, ...(parent ? { in: parent } : {}) })),
    connections: connections.map(([from, to, properties]) => ({ from, to, properties: properties ?? {} })),
  }
  return templateRecords(template, 't')
}
