/// <reference types="node" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { onlineOnlyChunks } from './onlineOnlyChunks.ts'

// The dev server forwards API and websocket traffic to a locally running Concord server.
const serverPort = process.env.CONCORD_SERVER_PORT ?? '3000'
const serverTarget = `http://127.0.0.1:${serverPort}`

// Mermaid (Import Mermaid…, a pasted flowchart) is several MB of lazy chunks: online only, not precached.
const mermaid = onlineOnlyChunks('mermaid')

export default defineConfig({
  plugins: [
    react(),
    mermaid.plugin,
    VitePWA({
      strategies: 'generateSW',
      // A new build waits until the user reloads into it (src/update/serviceWorker.ts registers it).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Concord',
        short_name: 'Concord',
        description: 'A multiplayer design whiteboard for distributed systems',
        start_url: '/',
        display: 'standalone',
        background_color: '#f7f7f8',
        theme_color: '#3b5bdb',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The app shell plus tldraw's fonts, icons and translations, so a board opened once loads offline.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json,webmanifest}'],
        manifestTransforms: [mermaid.precache],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/collab/, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // The first install takes over the open tab at once, so a board opened once works offline;
        // later builds wait for "Reload to update" (skipWaiting stays off).
        clientsClaim: true,
      },
    }),
  ],
  // Vite's dependency pre-bundling breaks the `?url` imports of tldraw's self-hosted assets.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: {
      '/api': serverTarget,
      '/healthz': serverTarget,
      '/collab': { target: serverTarget, ws: true },
    },
  },
})
