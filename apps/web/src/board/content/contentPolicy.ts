import {
  AssetRecordType,
  EmbedShapeUtil,
  getHashForString,
  type Editor,
  type TLBookmarkAsset,
  type TLUiOverrides,
} from 'tldraw'

/**
 * Concord talks to no host but its own: no embeds (they load third-party pages), and a pasted URL
 * becomes a plain bookmark instead of tldraw's default, which fetches the page to unfurl it.
 */
export const shapeUtilsWithoutEmbeds = [EmbedShapeUtil.configure({ embedDefinitions: [] })]

/** Removes the "Insert embed" action from menus and shortcuts. */
export const withoutEmbedActions: TLUiOverrides = {
  actions(_editor, actions) {
    delete actions['insert-embed']
    return actions
  },
}

export function registerContentPolicy(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => plainBookmarkAsset(url))
}

export function plainBookmarkAsset(url: string): TLBookmarkAsset {
  return {
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: '', description: '', image: '', favicon: '' },
    meta: {},
  }
}
