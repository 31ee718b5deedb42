import { findContainerKind } from '@concord/shared'
import { BaseFrameLikeShapeUtil, HTMLContainer, T, type RecordProps, type TLShape } from 'tldraw'
import { CatalogIcon } from './CatalogIcon.tsx'

export const CONTAINER_SHAPE = 'container'

declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [CONTAINER_SHAPE]: { kind: string; name: string; w: number; h: number }
  }
}

export type ContainerShape = TLShape<typeof CONTAINER_SHAPE>

const containerProps: RecordProps<ContainerShape> = {
  kind: T.string.check((value) => {
    if (!findContainerKind(value)) throw new Error(`unknown container kind "${value}"`)
  }),
  name: T.string,
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
}

/**
 * A failure domain (region, zone, rack...) that holds components: like a frame, its members are
 * its children (membership is the parent in the data) and move with it.
 */
export class ContainerShapeUtil extends BaseFrameLikeShapeUtil<ContainerShape> {
  static override type = CONTAINER_SHAPE
  static override props = containerProps

  override getDefaultProps(): ContainerShape['props'] {
    return { kind: 'availability-zone', name: 'Zone', w: 480, h: 320 }
  }

  /**
   * A presentation frame drawn over a failure domain stays on the page: as the domain's child it
   * would be drawn over the domain's components and present a blank slide.
   */
  override canReceiveNewChildrenOfType(shape: ContainerShape, type: TLShape['type']): boolean {
    return type !== 'frame' && super.canReceiveNewChildrenOfType(shape, type)
  }

  override getText(shape: ContainerShape): string {
    return shape.props.name
  }

  override component(shape: ContainerShape) {
    const kind = findContainerKind(shape.props.kind)
    return (
      <HTMLContainer>
        <div className="concord-container" style={{ width: shape.props.w, height: shape.props.h }}>
          <div className="concord-container__label">
            {kind && <CatalogIcon icon={kind.icon} size={16} />}
            <span className="concord-container__kind">{kind?.label ?? shape.props.kind}</span>
            <span className="concord-container__name">{shape.props.name}</span>
          </div>
        </div>
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: ContainerShape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }

  override toSvg(shape: ContainerShape) {
    const kind = findContainerKind(shape.props.kind)
    return (
      <g>
        <rect width={shape.props.w} height={shape.props.h} rx={6} fill="#f6f7f9" stroke="#5b6472" strokeDasharray="6 4" />
        <text x={10} y={18} fontSize={12} fill="#5b6472" fontFamily="sans-serif">
          {`${kind?.label ?? shape.props.kind} · ${shape.props.name}`}
        </text>
      </g>
    )
  }
}
