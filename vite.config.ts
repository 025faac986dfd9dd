// Builds the staff console (src/web) into hashed static files in dist/web/console (`npm run build:console`).
// The server serves them at /console (src/server/routes/console.ts). `npm run dev:console` serves src/web with
// hot reload and sends /api, /login and /logout to a server started with `npm start`.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

const web = fileURLToPath(new URL('./src/web/', import.meta.url));
const server = process.env.GONGKAI_DEV_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: web,
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where a template uses them (on demand).
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: fileURLToPath(new URL('./src/web/components.d.ts', import.meta.url)),
    }),
    precompress(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/console/', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No source maps in production: the sources are in the repository.
    sourcemap: false,
    chunkSizeWarningLimit: 1100,
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/login', '/logout', '/assets'].map((path) => [path, server])),
  },
});
