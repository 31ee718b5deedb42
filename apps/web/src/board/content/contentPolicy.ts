import { AssetRecordType, getHashForString, type Editor, type TLBookmarkAsset, type TLUiOverrides } from 'tldraw'

// Concord talks to no host but its own: no embeds (shapes/shapeUtilsWithoutEmbeds.ts), and a pasted
// URL becomes a plain bookmark instead of tldraw's default, which fetches the page to unfurl it.

/**
 * Removes the "Insert embed" action from menus and shortcuts, and tldraw's own image exports: a
 * board is exported in one place, the board menu, under the board's name.
 */
export const withoutEmbedActions: TLUiOverrides = {
  actions(_editor, actions) {
    for (const id of ['insert-embed', 'export-as-svg', 'export-as-png', 'export-all-as-svg', 'export-all-as-png']) delete actions[id]
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
