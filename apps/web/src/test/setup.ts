// What jsdom lacks and tldraw needs to run an Editor in tests.
// oxlint-disable-next-line import/no-unassigned-import
import 'fake-indexeddb/auto'
// oxlint-disable-next-line import/no-unassigned-import
import 'vitest-canvas-mock'

class TestResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

class TestFontFace {
  readonly status = 'loaded'
  constructor(
    readonly family: string,
    readonly source: string,
  ) {}
  load(): Promise<this> {
    return Promise.resolve(this)
  }
}

globalThis.ResizeObserver ??= TestResizeObserver as unknown as typeof ResizeObserver
globalThis.FontFace ??= TestFontFace as unknown as typeof FontFace

if (!('fonts' in document)) {
  const fonts = new Set<FontFace>()
  Object.defineProperty(document, 'fonts', {
    value: {
      add: (font: FontFace) => fonts.add(font),
      delete: (font: FontFace) => fonts.delete(font),
      has: (font: FontFace) => fonts.has(font),
      forEach: (fn: (font: FontFace) => void) => fonts.forEach(fn),
      [Symbol.iterator]: () => fonts.values(),
      ready: Promise.resolve(),
      status: 'loaded',
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  })
}

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList
}
