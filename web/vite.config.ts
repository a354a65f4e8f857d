import { fileURLToPath } from 'node:url';

/**
 * The dashboard: `vite build web` writes web/dist, which `cello serve` serves at `/`. A plain object (no
 * imports from vite): JSX is compiled by Vite's own transform with the automatic runtime the tsconfig names.
 */
export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // React Flow marks itself "use client" for server components; a browser bundle has nothing to keep.
      onwarn(warning: { code?: string; message: string }, warn: (warning: { code?: string; message: string }) => void) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npx vite web` during development: the API of a `cello serve` on the default port.
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:7420',
      '/openapi.json': 'http://127.0.0.1:7420',
      '/readyz': 'http://127.0.0.1:7420',
    },
  },
};
