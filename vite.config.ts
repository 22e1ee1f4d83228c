import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));
// During `vite` dev, everything the Fastify app answers is proxied to it (npm start on port 3000).
const backend = 'http://localhost:3000';

export default defineConfig({
  root: path.join(root, 'src/web'),
  plugins: [react()],
  // node_modules may be shared between git worktrees (a symlink): keep Vite's cache per checkout.
  cacheDir: path.join(root, '.tmp/vite'),
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    // The page must run under `script-src 'self'`: no inline scripts, not even the preload polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Domain and form modules shared with the server are pure (STYLE.md: the domain does no I/O). Saying
      // so lets the bundler drop what the browser never uses, such as the zod schemas that check a form
      // definition when a procedure is published.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](?:[a-z-]+[\\/])?(?:domain|forms)[\\/]/.test(id) },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/auth', '/sandbox', '/docs'].map((prefix) => [prefix, backend])),
  },
});
