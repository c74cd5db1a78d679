import legacy from '@vitejs/plugin-legacy';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { conditionalPolyfills, POLYFILLS } from './scripts/old-engines';

// School PCs run 360/QQ browsers on engines as old as Chromium 86 (JOURNEYS.md, For every page).
const targets = ['chrome86', 'edge88', 'firefox78', 'safari14'];

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [
    solid(),
    // Built-ins those engines lack: core-js, in a chunk only such a browser loads (scripts/old-engines.ts).
    legacy({
      renderLegacyChunks: false,
      modernPolyfills: POLYFILLS.map((p) => p.module),
      modernTargets: ['chrome >= 86', 'edge >= 88', 'firefox >= 78', 'safari >= 14'],
    }),
    conditionalPolyfills(),
  ],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: targets,
    cssTarget: ['chrome86'],
    sourcemap: true,
  },
  server: {
    port: 5173,
    // Schools' public pages are the server's too; a pattern, so that /settings is not taken for /s.
    proxy: { '/api': 'http://localhost:8787', '^/s/': 'http://localhost:8787' },
  },
});
