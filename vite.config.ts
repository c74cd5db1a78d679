import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [solid()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // School PCs run 360/QQ browsers on engines as old as Chromium 86 (JOURNEYS.md, For every page).
    target: ['chrome86', 'edge88', 'firefox78', 'safari14'],
    cssTarget: ['chrome86'],
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8787' },
  },
});
