import { badgeLine, findKind } from '@concord/shared'
import { stopEventPropagation, useEditor, useIsEditing } from 'tldraw'
import { nameIsKindLabel } from './cardText.ts'
import { CatalogIcon } from './CatalogIcon.tsx'
import { COMPONENT_SHAPE, type ComponentShape } from './componentType.ts'

const MAX_NAME = 120

/** What a component looks like on the canvas: kind and icon, name (edited in place), badge line. */
export function ComponentBody({ shape }: { shape: ComponentShape }) {
  const isEditing = useIsEditing(shape.id)
  const kind = findKind(shape.props.kind)
  const badge = kind ? badgeLine(kind, shape.props.properties) : ''
  // A name that is only the kind's label (as placed from the library) is shown once, as the name.
  const showKind = !nameIsKindLabel(shape.props.name, kind?.label)
  return (
    <div className="concord-component" data-group={kind?.group} style={{ width: shape.props.w, height: shape.props.h }}>
      <div className="concord-component__head">
        {kind && <CatalogIcon icon={kind.icon} size={20} className="concord-component__icon" />}
        {showKind ? (
          <span className="concord-component__kind">{kind?.label ?? shape.props.kind}</span>
        ) : (
          !isEditing && <div className="concord-component__name concord-component__name--wrap">{shape.props.name}</div>
        )}
      </div>
      {isEditing ? (
        <NameInput shape={shape} />
      ) : (
        showKind && <div className="concord-component__name">{shape.props.name || 'Unnamed'}</div>
      )}
      {badge && (
        <div className="concord-component__badge" title={badge}>
          {badge}
        </div>
      )}
    </div>
  )
}

function NameInput({ shape }: { shape: ComponentShape }) {
  const editor = useEditor()
  const done = () => editor.setEditingShape(null)
  return (
    <input
      className="concord-component__name-input"
      aria-label="Component name"
      defaultValue={shape.props.name}
      maxLength={MAX_NAME}
      // oxlint-disable-next-line jsx-a11y/no-autofocus -- editing starts with a double-click on the shape
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onPointerDown={stopEventPropagation}
      onChange={(event) =>
        editor.updateShape({ id: shape.id, type: COMPONENT_SHAPE, props: { name: event.currentTarget.value } })
      }
      onKeyDown={(event) => {
        event.stopPropagation()
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault()
          done()
        }
      }}
      onBlur={done}
    />
  )
}
