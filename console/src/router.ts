import { useEffect, useState } from 'react';

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** The screen part of the address: `/console/wall/INC-1` → `['wall', 'INC-1']`. */
function pathParts(): string[] {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : window.location.pathname;
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** Goes to a screen (and an optional item of it) without reloading the page. */
export function navigate(...parts: string[]): void {
  const path = `${BASE}/${parts.map(encodeURIComponent).join('/')}`;
  if (path !== window.location.pathname) window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current address's parts, updated on navigation and the browser's back and forward. */
export function useRoute(): string[] {
  const [parts, setParts] = useState(pathParts);
  useEffect(() => {
    const update = () => setParts(pathParts());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return parts;
}
