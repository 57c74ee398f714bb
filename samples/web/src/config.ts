/** Where the API is and how it hands out refresh tokens; see config.js. */
export interface SampleConfig {
  apiBaseUrl: string;
  /** Must match the service's Auth:RefreshTokenTransport. */
  refreshTokenTransport: 'body' | 'cookie';
}

declare global {
  interface Window {
    AUTH_SAMPLE_CONFIG?: Partial<SampleConfig>;
  }
}

export function readConfig(): SampleConfig {
  const query = new URLSearchParams(location.search);
  const defaults = window.AUTH_SAMPLE_CONFIG ?? {};
  const transport = query.get('transport') ?? defaults.refreshTokenTransport ?? 'body';
  return {
    apiBaseUrl: query.get('api') ?? defaults.apiBaseUrl ?? 'http://localhost:5080',
    refreshTokenTransport: transport === 'cookie' ? 'cookie' : 'body',
  };
}
