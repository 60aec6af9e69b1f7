// Hash routes of the tab (shared convention): #/calls, #/calls/{id}, #/quality, #/phone,
// #/helpdesk/phone, #/config, #/team, #/signin. Query parameters after the route (e.g. #/team?days=30) are kept in `params`.
export type Route =
  | { readonly page: 'calls' }
  | { readonly page: 'call'; readonly id: string }
  | { readonly page: 'quality' }
  | { readonly page: 'phone' }
  | { readonly page: 'helpdeskPhone' }
  | { readonly page: 'config' }
  | { readonly page: 'team' }
  | { readonly page: 'signin' };

export interface Location {
  readonly route: Route;
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const params = new URLSearchParams(query);
  const [first, second] = parts;
  if (first === 'calls' && second) return { route: { page: 'call', id: second }, params };
  if (first === 'phone') return { route: { page: 'phone' }, params };
  if (first === 'helpdesk' && second === 'phone') return { route: { page: 'helpdeskPhone' }, params };
  if (first === 'quality' || first === 'config' || first === 'team' || first === 'signin') return { route: { page: first }, params };
  return { route: { page: 'calls' }, params };
}

/** The route a Teams deep link's subPageId ("calls/{id}") names, or null. */
export function routeFromSubPage(subPageId: string | null): string | null {
  if (!subPageId) return null;
  const match = /^calls\/([^/?#]+)$/.exec(subPageId);
  return match ? `#/calls/${match[1]}` : null;
}

export function callHref(id: string): string {
  return `#/calls/${encodeURIComponent(id)}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
