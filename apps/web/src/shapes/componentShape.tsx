import { COMPONENT_PROPS_MIGRATIONS, findKind } from '@concord/shared'
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  T,
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
} from 'tldraw'
import { ComponentBody } from './ComponentBody.tsx'
import { componentKindValidator, propertyValuesValidator, rationaleValidator } from './componentValidation.ts'
import { componentSvg } from './componentSvg.tsx'
import { COMPONENT_SHAPE, type ComponentShape } from './componentType.ts'

const componentProps: RecordProps<ComponentShape> = {
  kind: componentKindValidator,
  name: T.string,
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  properties: propertyValuesValidator,
  rationale: rationaleValidator,
}

/** Catalog versions are the component shape's props migrations, recorded in the board's schema. */
const versions = createShapePropsMigrationIds(
  COMPONENT_SHAPE,
  Object.fromEntries(COMPONENT_PROPS_MIGRATIONS.map((m) => [`v${m.version}`, m.version])),
)
const componentMigrations = createShapePropsMigrationSequence({
  sequence: COMPONENT_PROPS_MIGRATIONS.map((migration) => ({
    id: versions[`v${migration.version}`]!,
    up: migration.up,
    ...(migration.down ? { down: migration.down } : {}),
  })),
})

/** An architecture component from the catalog: icon, name, kind and its key annotations. */
export class ComponentShapeUtil extends BaseBoxShapeUtil<ComponentShape> {
  static override type = COMPONENT_SHAPE
  static override props = componentProps
  static override migrations = componentMigrations

  override getDefaultProps(): ComponentShape['props'] {
    return { kind: 'stateless-service', name: 'Service', w: 180, h: 100, properties: {}, rationale: {} }
  }

  override canEdit(): boolean {
    return true
  }

  override getText(shape: ComponentShape): string {
    return `${shape.props.name} (${findKind(shape.props.kind)?.label ?? shape.props.kind})`
  }

  override component(shape: ComponentShape) {
    return (
      <HTMLContainer>
        <ComponentBody shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: ComponentShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10)
    return path
  }

  override toSvg(shape: ComponentShape) {
    return componentSvg(shape)
  }
}
