import { reviewAssetPath } from '@concord/shared'
import { AssetRecordType, type TLAsset } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { roundAssetStore } from './roundAssetStore.ts'

const withSrc = (src: string) =>
  AssetRecordType.create({
    id: AssetRecordType.createId('photo'),
    type: 'image',
    props: { name: '', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
  }) as TLAsset

describe('round asset store', () => {
  it('resolves only images served through a review round, never the board’s own or an outside URL', () => {
    const throughRound = reviewAssetPath('R'.repeat(22), 'V'.repeat(22), 'asset:photo')
    expect(roundAssetStore.resolve?.(withSrc(throughRound), {} as never)).toBe(throughRound)
    for (const src of [
      `/api/boards/${'B'.repeat(22)}/assets/${'a'.repeat(22)}`,
      'https://tracker.example/pixel.png',
      'data:image/png;base64,iVBORw0KGgo=',
      `/api/rounds/${'R'.repeat(22)}/versions/${'V'.repeat(22)}/assets/asset%3Ax/../../../healthz`,
    ]) {
      expect(roundAssetStore.resolve?.(withSrc(src), {} as never)).toBeNull()
    }
  })
})
