// The host outside Teams: theme from ?theme= (light, dark, contrast) and switchable at run time,
// no SSO (demo sign-in instead), no pages.config.
import type { Host, HostContext, ThemeName } from './host.js';

export interface BrowserHost extends Host {
  setTheme(theme: ThemeName): void;
}

export function themeFromQuery(search: string): ThemeName {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'dark' || theme === 'contrast' ? theme : 'light';
}

export function createBrowserHost(overrides: Partial<HostContext> = {}): BrowserHost {
  const handlers = new Set<(theme: ThemeName) => void>();
  const context: HostContext = {
    inTeams: false,
    theme: 'light',
    locale: 'en-US',
    userId: null,
    userPrincipalName: null,
    groupId: null,
    teamName: null,
    frameContext: null,
    subPageId: null,
    ...overrides,
  };
  return {
    context,
    getAuthToken: () => null,
    onThemeChange(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    config: null,
    setTheme(theme) {
      for (const handler of handlers) handler(theme);
    },
  };
}
