import { useEffect, useState } from 'react';

/**
 * The token of a mailed link (?token=...). It leaves the address bar and history at once, so it is not bookmarked,
 * shared by copying the address, or sent on as a referrer.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => new URLSearchParams(location.search).get('token'));
  useEffect(() => {
    if (new URLSearchParams(location.search).has('token')) {
      history.replaceState(null, '', location.pathname);
    }
  }, []);
  return token;
}
