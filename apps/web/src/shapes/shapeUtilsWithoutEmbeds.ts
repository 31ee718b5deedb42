import { EmbedShapeUtil } from 'tldraw'

/**
 * Concord talks to no host but its own: no embeds, which load third-party pages (the rest of that
 * policy, for pasted URLs and menus, is in board/content/contentPolicy.ts).
 */
export const shapeUtilsWithoutEmbeds = [EmbedShapeUtil.configure({ embedDefinitions: [] })]
