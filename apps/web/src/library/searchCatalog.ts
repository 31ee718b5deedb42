import type { Catalog, ComponentKind, ContainerKind } from '@concord/shared'

export interface LibrarySection {
  id: string
  label: string
  kinds: ComponentKind[]
}

const matches = (query: string, ...texts: string[]) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const haystack = texts.join(' ').toLowerCase()
  return words.every((word) => haystack.includes(word))
}

/** The catalog's component groups, each with the kinds matching `query` (label, group, description); empty groups left out. */
export function searchComponents(catalog: Catalog, query: string): LibrarySection[] {
  return catalog.groups
    .map((group) => ({
      id: group.id,
      label: group.label,
      kinds: catalog.kinds.filter(
        (kind) => kind.group === group.id && matches(query, kind.label, group.label, kind.description, kind.id),
      ),
    }))
    .filter((section) => section.kinds.length > 0)
}

export function searchContainers(catalog: Catalog, query: string): ContainerKind[] {
  return catalog.containers.filter((kind) => matches(query, kind.label, kind.description, 'failure domain container'))
}
