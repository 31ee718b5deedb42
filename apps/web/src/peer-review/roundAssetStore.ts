import { isReviewAssetPath } from '@concord/shared'
import type { TLAssetStore } from 'tldraw'

/**
 * The images of a version a review round hands a student: only those served through the round
 * load (the server rewrites every uploaded image so), never a URL pointing elsewhere. The design
 * is read-only, so nothing is uploaded.
 */
export const roundAssetStore: TLAssetStore = {
  upload: () => Promise.reject(new Error('A design under review takes no new images.')),
  resolve: (asset) => (isReviewAssetPath(asset.props.src) ? asset.props.src : null),
}
