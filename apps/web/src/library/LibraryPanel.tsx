import { CATALOG, type ComponentKind, type ContainerKind, type Template } from '@concord/shared'
import { useMemo, useState, type DragEvent } from 'react'
import type { Editor } from 'tldraw'
import { CatalogIcon } from '../shapes/CatalogIcon.tsx'
import { insertTemplate } from './insertTemplate.ts'
import { LIBRARY_DRAG_TYPE, placeComponent, placeContainer, type LibraryDragItem } from './placeShapes.ts'
import { searchComponents, searchContainers } from './searchCatalog.ts'

/** The shape library: components by group, failure domains and templates; click or drag to place. */
export function LibraryPanel({ editor }: { editor: Editor }) {
  const [query, setQuery] = useState('')
  const sections = useMemo(() => searchComponents(CATALOG, query), [query])
  const containers = useMemo(() => searchContainers(CATALOG, query), [query])
  const templates = CATALOG.templates.filter((t) => !query || t.name.toLowerCase().includes(query.toLowerCase()))
  const nothing = sections.length === 0 && containers.length === 0 && templates.length === 0
  return (
    <aside className="side-panel library" aria-label="Component library" data-testid="library-panel">
      <div className="library__search">
        <input
          className="input"
          type="search"
          placeholder="Search components"
          aria-label="Search components"
          data-testid="library-search"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <div className="library__scroll">
        <p className="library__hint">Click or drag to place. Select a component or a connection to annotate it.</p>
        {nothing && <p className="library__empty">No component matches “{query}”.</p>}
        {sections.map((section) => (
          <section key={section.id} className="library__group" aria-label={section.label}>
            <h3 className="library__group-title">{section.label}</h3>
            <ul className="library__items">
              {section.kinds.map((kind) => (
                <li key={kind.id}>
                  <LibraryItem
                    item={{ type: 'component', kind: kind.id }}
                    kind={kind}
                    onPlace={() => placeComponent(editor, kind)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {containers.length > 0 && (
          <section className="library__group" aria-label="Failure domains">
            <h3 className="library__group-title">Failure domains</h3>
            <ul className="library__items">
              {containers.map((kind) => (
                <li key={kind.id}>
                  <LibraryItem
                    item={{ type: 'container', kind: kind.id }}
                    kind={kind}
                    onPlace={() => placeContainer(editor, kind.id)}
                  />
                </li>
              ))}
            </ul>
          </section>
        )}
        {templates.length > 0 && (
          <section className="library__group" aria-label="Templates">
            <h3 className="library__group-title">Templates</h3>
            <ul className="library__templates">
              {templates.map((template) => (
                <li key={template.id}>
                  <TemplateItem template={template} onInsert={() => insertTemplate(editor, template)} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  )
}

function LibraryItem({
  item,
  kind,
  onPlace,
}: {
  item: LibraryDragItem
  kind: ComponentKind | ContainerKind
  onPlace(): void
}) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(LIBRARY_DRAG_TYPE, JSON.stringify(item))
    event.dataTransfer.effectAllowed = 'copy'
  }
  return (
    <button
      type="button"
      className="library__item"
      draggable
      onDragStart={onDragStart}
      onClick={onPlace}
      title={kind.description}
      data-testid={`library-${item.type}-${kind.id}`}
    >
      <CatalogIcon icon={kind.icon} size={20} className="library__icon" />
      <span className="library__label">{kind.label}</span>
    </button>
  )
}

function TemplateItem({ template, onInsert }: { template: Template; onInsert(): void }) {
  return (
    <button
      type="button"
      className="library__template"
      onClick={onInsert}
      // Named by its title alone; the description and size are read after it, as its description.
      aria-describedby={`template-about-${template.id}`}
      data-testid={`library-template-${template.id}`}
    >
      <span className="library__template-name">{template.name}</span>
      <span className="library__template-description" aria-hidden id={`template-about-${template.id}`}>
        {template.description}
      </span>
      <span className="library__template-count" aria-hidden>
        {template.components.length} components · {template.connections.length} connections
      </span>
    </button>
  )
}
