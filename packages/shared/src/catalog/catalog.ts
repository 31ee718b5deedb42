import { COMMON_PROPERTIES } from './common-properties.ts'
import { CONNECTION_PROPERTIES } from './connection-properties.ts'
import { CONTAINER_KINDS } from './containers.ts'
import { GROUPS } from './groups.ts'
import { COMPONENT_KINDS } from './kinds/index.ts'
import { CATALOG_VERSION } from './migrations.ts'
import { TEMPLATES } from './templates/index.ts'
import type { Catalog, ComponentKind, ContainerKind, Template } from './types.ts'

/** The whole catalog, as served by `GET /api/catalog`. */
export const CATALOG: Catalog = {
  version: CATALOG_VERSION,
  groups: GROUPS,
  commonProperties: COMMON_PROPERTIES,
  kinds: COMPONENT_KINDS,
  containers: CONTAINER_KINDS,
  connectionProperties: CONNECTION_PROPERTIES,
  templates: TEMPLATES,
}

const kindsById = new Map(COMPONENT_KINDS.map((kind) => [kind.id, kind]))
const containersById = new Map(CONTAINER_KINDS.map((kind) => [kind.id, kind]))
const templatesById = new Map(TEMPLATES.map((template) => [template.id, template]))

export function findKind(id: string): ComponentKind | undefined {
  return kindsById.get(id)
}

export function findContainerKind(id: string): ContainerKind | undefined {
  return containersById.get(id)
}

export function findTemplate(id: string): Template | undefined {
  return templatesById.get(id)
}
