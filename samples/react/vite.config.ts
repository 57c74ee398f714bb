import { defineConfig } from 'vite';

// esbuild's own JSX transform: @vitejs/plugin-react (and Vite 8) need a newer Node than the 20 this repository uses.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    // The address Development's Email:LinkBaseUrl names, so the mailed links open this app.
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
