import { inflateSync } from 'node:zlib'

/**
 * The text Chromium's PDF (Skia) draws, page by page, read without a PDF library: every
 * Flate-compressed stream is inflated; the fonts' ToUnicode maps turn the 2-byte glyph ids of the
 * content streams' `Tj`/`TJ` strings back into characters. Enough to check that a report's words
 * reached the paper; not a general PDF reader (fonts of one family share glyph ids, so their maps
 * are merged).
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1')
  const streams: string[] = []
  for (const match of source.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length
    const end = source.indexOf('endstream', start)
    const bytes = pdf.subarray(start, end)
    try {
      streams.push(match[1]!.includes('/FlateDecode') ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1'))
    } catch {
      // A stream that is not Flate data after all (an image): not text.
    }
  }
  const glyphs = new Map<number, string>()
  const unicode = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)))
  for (const cmap of streams.filter((stream) => stream.includes('begincmap'))) {
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, gid, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) glyphs.set(parseInt(gid!, 16), unicode(text!))
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, from, to, text] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const first = parseInt(from!, 16)
        for (let gid = first; gid <= parseInt(to!, 16); gid++) glyphs.set(gid, String.fromCodePoint(parseInt(text!, 16) + gid - first))
      }
    }
  }
  const decode = (hex: string) => (hex.match(/.{4}/g) ?? []).map((unit) => glyphs.get(parseInt(unit, 16)) ?? '').join('')
  return streams
    .filter((stream) => /\bBT\b[\s\S]*\bET\b/.test(stream) && !stream.includes('begincmap'))
    .map((content) => [...content.matchAll(/(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)].map(([show]) => [...show!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => decode(hex!)).join('')).join(' '))
}
