import { defineConfig } from '@hey-api/openapi-ts';

// Generated from the checked-in document, not a running service, so the client changes exactly when the API does.
export default defineConfig({
  input: '../../docs/openapi.json',
  output: { path: 'src', importFileExtension: '.js' },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk' }],
});
