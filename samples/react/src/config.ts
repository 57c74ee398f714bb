/** Where the API is and how it hands out refresh tokens: public/config.js, read at run time. */
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

const configured = window.AUTH_SAMPLE_CONFIG ?? {};

export const config: SampleConfig = {
  apiBaseUrl: configured.apiBaseUrl ?? 'http://localhost:5080',
  refreshTokenTransport: configured.refreshTokenTransport === 'cookie' ? 'cookie' : 'body',
};
