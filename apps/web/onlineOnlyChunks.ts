import type { Plugin } from 'vite'

interface BundledChunk {
  type: 'chunk'
  fileName: string
  isEntry: boolean
  isDynamicEntry: boolean
  facadeModuleId: string | null
  imports: string[]
  dynamicImports: string[]
}

/**
 * The chunks of a package the app imports lazily (`import('mermaid')`): its dynamic entry and every
 * chunk only it loads, found in the bundle as it is written. `precache` leaves them out of the
 * service worker's precache, so a first visit does not download them; they load over the network
 * on first use, and only online.
 */
export function onlineOnlyChunks(packageName: string): {
  plugin: Plugin
  precache: <Entry extends { url: string }>(entries: Entry[]) => { manifest: Entry[] }
} {
  const onlineOnly = new Set<string>()
  const plugin: Plugin = {
    name: 'concord-online-only-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, BundledChunk>()
      for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output)
      /** The chunks `roots` lead to through `next`, not entering `outside`. */
      const reach = (roots: BundledChunk[], next: (chunk: BundledChunk) => string[], outside = new Set<string>()) => {
        const seen = new Set<string>()
        const visit = (chunk: BundledChunk | undefined) => {
          if (!chunk || seen.has(chunk.fileName) || outside.has(chunk.fileName)) return
          seen.add(chunk.fileName)
          for (const fileName of next(chunk)) visit(chunks.get(fileName))
        }
        roots.forEach(visit)
        return seen
      }
      const all = [...chunks.values()]
      // What the first load needs: the entry and what it imports statically.
      const firstLoad = reach(all.filter((chunk) => chunk.isEntry), (chunk) => chunk.imports)
      const lazyEntries = all.filter((chunk) => chunk.isDynamicEntry && chunk.facadeModuleId?.includes(`/node_modules/${packageName}/`))
      if (lazyEntries.length === 0) this.error(`no lazily imported chunk of ${packageName} in the bundle`)
      // The package's chunks import shared code from the entry, whose other lazy imports are not the package's.
      const lazy = reach(lazyEntries, (chunk) => [...chunk.imports, ...chunk.dynamicImports], firstLoad)
      onlineOnly.clear()
      for (const fileName of lazy) onlineOnly.add(fileName)
    },
  }
  return {
    plugin,
    precache: (entries) => ({ manifest: entries.filter((entry) => !onlineOnly.has(entry.url)) }),
  }
}
