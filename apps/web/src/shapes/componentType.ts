import type { PropertyValue } from '@concord/shared'
import type { TLShape } from 'tldraw'

export const COMPONENT_SHAPE = 'component'

declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [COMPONENT_SHAPE]: {
      /** Catalog kind id. */
      kind: string
      name: string
      w: number
      h: number
      /** Property id to value; a nested Y.Map, so each property merges on its own. */
      properties: Record<string, PropertyValue>
      /** Property id to the team's reasoning for its value; merged per property too. */
      rationale: Record<string, string>
    }
  }
}

export type ComponentShape = TLShape<typeof COMPONENT_SHAPE>

export function isComponentShape(shape: TLShape | undefined): shape is ComponentShape {
  return shape?.type === COMPONENT_SHAPE
}
