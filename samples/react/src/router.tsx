import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * Client-side routes over the History API: a handful of pages do not need a router package. The server (Vite, or
 * any static host) answers every path with index.html, so a mailed link such as /confirm-email?token=... opens here.
 */
const changed = new Set<() => void>();
addEventListener('popstate', () => changed.forEach((listener) => listener()));

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  changed.forEach((listener) => listener());
}

export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      changed.add(listener);
      return () => changed.delete(listener);
    },
    () => location.pathname,
  );
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      navigate(to);
    }
  };
  return <a href={to} onClick={follow} {...rest} />;
}
