import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { concordShapeUtils } from '../shapes/index.ts'
import { tldrawUser } from '../identity/currentUser.ts'
import { withoutEmbedActions } from '../board/content/contentPolicy.ts'

/**
 * What every `<Tldraw>` showing a board shares, live or a frozen version: the user, Concord's
 * shapes, the content policy, and tldraw's fonts, icons and translations served by Concord itself
 * (and precached), never by tldraw's CDN.
 */
export const boardTldrawProps = {
  user: tldrawUser,
  assetUrls: getAssetUrlsByImport(),
  colorScheme: 'system',
  shapeUtils: concordShapeUtils,
  overrides: withoutEmbedActions,
} as const
