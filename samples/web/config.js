// Where the API is and how it hands out refresh tokens (Auth:RefreshTokenTransport). Query parameters override
// both: index.html?api=http://127.0.0.1:5080&transport=cookie
window.AUTH_SAMPLE_CONFIG = {
  apiBaseUrl: 'http://localhost:5080',
  refreshTokenTransport: 'body',
};
