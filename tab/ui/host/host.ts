// What the tab needs from its host, behind one small interface so the same pages run inside Teams,
// in a plain browser (demo mode, end-to-end tests) and under jsdom with a fake host.
export type ThemeName = 'light' | 'dark' | 'contrast';

export interface HostContext {
  readonly inTeams: boolean;
  readonly theme: ThemeName;
  readonly locale: string;
  readonly userId: string | null;
  readonly userPrincipalName: string | null;
  /** The channel tab's team; null in the personal tab and outside Teams. */
  readonly groupId: string | null;
  readonly teamName: string | null;
  /** 'content', 'settings' (config page), 'remove', ... */
  readonly frameContext: string | null;
  /** Deep links carry e.g. "calls/{id}" (the bot's "Show segments"). */
  readonly subPageId: string | null;
}

export interface ChannelTabSettings {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly suggestedDisplayName: string;
}

export interface Host {
  readonly context: HostContext;
  /** Teams SSO; null outside Teams, where the demo sign-in supplies a token instead. */
  getAuthToken(): Promise<string> | null;
  /** Calls back on every theme change; returns a function that stops listening. */
  onThemeChange(handler: (theme: ThemeName) => void): () => void;
  /** Channel tab configuration (pages.config); null outside a Teams settings frame. */
  readonly config: {
    setValid(valid: boolean): void;
    onSave(settings: () => ChannelTabSettings): void;
  } | null;
}

export function themeFromTeams(theme: string | undefined | null): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}
