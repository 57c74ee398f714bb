/**
 * The fetch a test hands the client: it records every request ("POST /auth/refresh"), can make the service see an
 * expired copy of a token, and, for cookie mode, keeps cookies as a browser would (Node's fetch has no cookie jar).
 */
export class RecordingFetch {
  readonly requests: string[] = [];
  /** Access tokens to replace on the wire, with the copy the service should see instead. */
  readonly replacedTokens = new Map<string, string>();
  private readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(private readonly keepCookies = false) {}

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    this.requests.push(`${request.method} ${url.pathname}`);
    const headers = new Headers(request.headers);
    const token = headers.get('Authorization')?.replace(/^Bearer /, '');
    const replacement = token === undefined ? undefined : this.replacedTokens.get(token);
    if (replacement !== undefined) {
      headers.set('Authorization', `Bearer ${replacement}`);
    }

    if (this.keepCookies) {
      const sent = [...this.cookies].filter(([, c]) => url.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`);
      if (sent.length > 0) {
        headers.set('Cookie', sent.join('; '));
      }
    }

    const response = await fetch(new Request(request, { headers }));
    if (this.keepCookies) {
      this.remember(response.headers.getSetCookie());
    }

    return response;
  };

  count(request: string): number {
    return this.requests.filter((r) => r === request).length;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  private remember(setCookies: string[]): void {
    for (const setCookie of setCookies) {
      const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='))?.slice(8);
      const cleared = value === '' || (expires !== undefined && Date.parse(expires) <= Date.now())
        || attributes.some((a) => a.toLowerCase() === 'max-age=0');
      if (cleared) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, { value, path });
      }
    }
  }
}
