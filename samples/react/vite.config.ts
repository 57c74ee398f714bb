import { defineConfig } from 'vite';

// esbuild's own JSX transform: @vitejs/plugin-react (and Vite 8) need a newer Node than the 20 this repository uses.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    // The origin Development's Email:LinkBaseUrl names, so the mailed links open this app; localhost, because it is
    // the passkeys' RP id (WebAuthn takes no IP address) and the same site as the API on localhost:5080 (cookie mode).
    host: 'localhost',
    port: 5173,
    strictPort: true,
  },
  preview: { host: 'localhost', port: 5173, strictPort: true },
});
