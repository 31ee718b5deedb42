import { CATALOG, findContainerKind, findKind, type PropertyDef } from '@concord/shared'
import { useState } from 'react'
import { useValue, type Editor, type TLShape } from 'tldraw'
import { CatalogIcon } from '../shapes/CatalogIcon.tsx'
import { CONTAINER_SHAPE, type ContainerShape } from '../shapes/containerShape.tsx'
import { isComponentShape, type ComponentShape } from '../shapes/componentType.ts'
import { isArrow } from './connection.ts'
import { PropertyField } from './PropertyField.tsx'
import { componentTarget, connectionTarget, type PropertyTarget } from './propertyTargets.ts'
import { bySection, SECTION_LABELS, sharedDefinitions } from './sharedDefinitions.ts'

/** Whether the selection has something the inspector edits: components, connections, or one failure domain. */
export function isAnnotatable(selection: TLShape[]): boolean {
  if (selection.some(isComponentShape)) return true
  if (selection.length > 0 && selection.every(isArrow)) return true
  return selection.length === 1 && selection[0]!.type === CONTAINER_SHAPE
}

/** The inspector's element id, the skip link's target. */
export const INSPECTOR_ID = 'inspector'

/**
 * The selection's annotations: typed property editors with a rationale beside each. It takes room
 * from the canvas only while something annotatable is selected.
 */
export function InspectorPanel({ editor }: { editor: Editor }) {
  const selection = useValue('inspector selection', () => editor.getSelectedShapes(), [editor])
  const readonly = useValue('inspector readonly', () => editor.getIsReadonly(), [editor])
  if (!isAnnotatable(selection)) return null
  return (
    // Read-only, its fields cannot take focus: the panel itself does, so the keyboard can scroll it.
    <aside className="side-panel inspector" id={INSPECTOR_ID} tabIndex={readonly ? 0 : -1} aria-label="Inspector" data-testid="inspector">
      <fieldset className="inspector__fieldset" disabled={readonly}>
        <InspectorContent editor={editor} selection={selection} />
      </fieldset>
    </aside>
  )
}

function InspectorContent({ editor, selection }: { editor: Editor; selection: TLShape[] }) {
  const components = selection.filter(isComponentShape)
  const arrows = selection.filter(isArrow)
  const containers = selection.filter((shape): shape is ContainerShape => shape.type === CONTAINER_SHAPE)
  if (components.length > 0) {
    const kind = components.length === 1 ? findKind(components[0]!.props.kind) : undefined
    return (
      <>
        <InspectorHeading
          icon={kind?.icon}
          title={components.length === 1 ? components[0]!.props.name || 'Unnamed' : `${components.length} components`}
          subtitle={kind?.label ?? 'Properties they share'}
        />
        {components.length === 1 && <NameField editor={editor} shape={components[0]!} />}
        <PropertySections defs={sharedDefinitions(components)} target={componentTarget(editor, components)} />
      </>
    )
  }
  if (arrows.length > 0 && arrows.length === selection.length) {
    return (
      <>
        <InspectorHeading title={arrows.length === 1 ? 'Connection' : `${arrows.length} connections`} subtitle="How the two ends talk" />
        <PropertySections
          defs={CATALOG.connectionProperties}
          target={connectionTarget(editor, arrows)}
          specificLabel="Connection"
        />
      </>
    )
  }
  if (containers.length === 1 && selection.length === 1) {
    const kind = findContainerKind(containers[0]!.props.kind)
    return (
      <>
        <InspectorHeading icon={kind?.icon} title={containers[0]!.props.name} subtitle={kind?.label ?? 'Failure domain'} />
        <NameField editor={editor} shape={containers[0]!} />
        <p className="inspector__hint">{kind?.description} Components placed inside it belong to it and move with it.</p>
      </>
    )
  }
  return null
}

function InspectorHeading({ icon, title, subtitle }: { icon?: string | undefined; title: string; subtitle: string }) {
  return (
    <header className="inspector__heading">
      {icon && <CatalogIcon icon={icon} size={28} className="inspector__icon" />}
      <div className="inspector__titles">
        <h2 className="inspector__title">{title}</h2>
        <p className="inspector__subtitle">{subtitle}</p>
      </div>
    </header>
  )
}

function NameField({ editor, shape }: { editor: Editor; shape: ComponentShape | ContainerShape }) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const name = draft.trim().slice(0, 120)
    setDraft(null)
    if (name && name !== shape.props.name) {
      editor.markHistoryStoppingPoint('rename')
      editor.updateShape({ id: shape.id, type: shape.type, props: { name } })
    }
  }
  return (
    <label className="inspector__name">
      <span className="inspector-field__label">Name</span>
      <input
        className="input"
        data-testid="inspector-name"
        value={draft ?? shape.props.name}
        maxLength={120}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </label>
  )
}

function PropertySections({
  defs,
  target,
  specificLabel = SECTION_LABELS.specific,
}: {
  defs: PropertyDef[]
  target: PropertyTarget
  specificLabel?: string
}) {
  if (defs.length === 0) return <p className="inspector__hint">The selected components share no properties.</p>
  return (
    <>
      {bySection(defs).map(([section, list]) => (
        <section key={section} className="inspector__section">
          <h3 className="inspector__section-title">{section === 'specific' ? specificLabel : SECTION_LABELS[section]}</h3>
          {list.map((def) => (
            <PropertyField key={def.id} def={def} target={target} />
          ))}
        </section>
      ))}
    </>
  )
}
