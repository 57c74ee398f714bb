// Where the API is and how it hands out refresh tokens (Auth:RefreshTokenTransport: 'body' or 'cookie'). Read at
// run time, not bundled: a deployment edits this file in dist/ instead of rebuilding.
window.AUTH_SAMPLE_CONFIG = {
  apiBaseUrl: 'http://localhost:5080',
  refreshTokenTransport: 'body',
};
