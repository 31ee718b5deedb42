import { reviewAssetPath } from '@concord/shared'
import { AssetRecordType, type TLAsset } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAssetStore } from './assetStore.ts'

const asset = AssetRecordType.create({
  id: AssetRecordType.createId('photo'),
  type: 'image',
  props: { name: 'photo.png', src: null, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
}) as TLAsset
const png = new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' })

afterEach(() => vi.unstubAllGlobals())

function stubFetch(response: Response) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => response)
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe('asset store', () => {
  it('uploads the file to the board with the link token and keeps only the returned URL', async () => {
    const fetch = stubFetch(Response.json({ src: '/api/boards/b1/assets/a1' }, { status: 201 }))
    const errors: string[] = []
    const store = createAssetStore({ boardId: 'b1', token: 'editor.0.mac', onUploadError: (m) => errors.push(m) })

    await expect(store.upload(asset, png)).resolves.toEqual({ src: '/api/boards/b1/assets/a1' })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/boards/b1/assets')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer editor.0.mac')
    expect(new Headers(init?.headers).get('content-type')).toBe('image/png')
    expect(init?.body).toBe(png)
    expect(errors).toEqual([])
  })

  it('resolves only images uploaded to this board, never a peer-supplied outside or inlined URL', () => {
    const boardId = 'B'.repeat(22)
    const store = createAssetStore({ boardId, token: 'editor.0.mac', onUploadError: () => {} })
    const withSrc = (src: string) => ({ ...asset, props: { ...asset.props, src } }) as TLAsset
    const own = `/api/boards/${boardId}/assets/${'a'.repeat(22)}`
    expect(store.resolve?.(withSrc(own), {} as never)).toBe(own)
    for (const src of [
      'https://tracker.example/pixel.png',
      'data:image/png;base64,iVBORw0KGgo=',
      `/api/boards/${'C'.repeat(22)}/assets/${'a'.repeat(22)}`,
      `/api/boards/${boardId}/assets/../../healthz`,
      // Images of a review round load only in the versions the round hands to students.
      reviewAssetPath('R'.repeat(22), 'V'.repeat(22), 'asset:photo'),
    ]) {
      expect(store.resolve?.(withSrc(src), {} as never)).toBeNull()
    }
  })

  it('surfaces the server’s message when the upload is refused', async () => {
    const message = 'images can be at most 10 MiB'
    stubFetch(Response.json({ error: 'too_large', message }, { status: 413 }))
    const errors: string[] = []
    const store = createAssetStore({ boardId: 'b1', token: 't', onUploadError: (m) => errors.push(m) })

    await expect(store.upload(asset, png)).rejects.toThrow(message)
    expect(errors).toEqual([message])
  })

  it('refuses a file above the size limit without sending it', async () => {
    const fetch = stubFetch(Response.json({ src: '/never' }, { status: 201 }))
    const errors: string[] = []
    const store = createAssetStore({ boardId: 'b1', token: 't', onUploadError: (m) => errors.push(m) })
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' })

    await expect(store.upload(asset, huge)).rejects.toThrow(/at most 10 MiB/)
    expect(fetch).not.toHaveBeenCalled()
    expect(errors).toHaveLength(1)
  })
})
