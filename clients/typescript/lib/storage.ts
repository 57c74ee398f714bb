/**
 * Where the client keeps what must outlive the page in body mode: the refresh token and the device token. The
 * shape of `localStorage`, so a browser app passes `localStorage` (or `sessionStorage`) as it is; a mobile or
 * desktop app wraps its platform's secure store. The access token never goes here: it lives in memory only.
 */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage that lasts as long as the client object: nothing survives a reload. The default. */
export function memoryStorage(): TokenStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
