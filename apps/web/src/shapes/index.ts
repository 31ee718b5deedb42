import { defaultShapeUtils } from 'tldraw'
import { shapeUtilsWithoutEmbeds } from './shapeUtilsWithoutEmbeds.ts'
import { ComponentShapeUtil } from './componentShape.tsx'
import { ContainerShapeUtil } from './containerShape.tsx'

/** Concord's own shapes, to pass to `<Tldraw shapeUtils>` (which adds tldraw's defaults). */
export const concordShapeUtils = [...shapeUtilsWithoutEmbeds, ComponentShapeUtil, ContainerShapeUtil]

/** Every shape a board can hold, for the store's schema: tldraw's defaults (embeds off) and Concord's. */
export const boardShapeUtils = [
  ...defaultShapeUtils.filter((util) => !concordShapeUtils.some((own) => own.type === util.type)),
  ...concordShapeUtils,
]
