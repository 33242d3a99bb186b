import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const workspaceRoot = path.resolve(__dirname, '../..');

/** The manager's web app: built into dist/apps/web, served by the gateway in production. */
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: {
    alias: {
      // Type-only imports vanish at build; the alias is here for anything that ever is not.
      '@parley/contracts': path.join(workspaceRoot, 'libs/contracts/src/index.ts'),
    },
  },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      // No changeOrigin: the gateway checks Origin against Host on refresh and sign-out, and the
      // browser's Origin is the dev server's, which the Host must then match.
      '/api': { target: 'http://localhost:3000', ws: true },
    },
  },
});
