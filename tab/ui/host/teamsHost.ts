// The Teams host over @microsoft/teams-js v2. app.initialize() rejects at once outside any frame
// and hangs for a minute in a non-Teams frame, so a short race decides "not in Teams".
import { app, authentication, pages } from '@microsoft/teams-js';
import { themeFromTeams, type ChannelTabSettings, type Host } from './host.js';
import { createBrowserHost, themeFromQuery, type BrowserHost } from './browserHost.js';

const FRAMED_TIMEOUT_MS = 5_000;

export async function connectHost(win: Window = window): Promise<Host | BrowserHost> {
  const framed = win.parent !== win;
  if (!framed) return createBrowserHost({ theme: themeFromQuery(win.location.search), locale: win.navigator.language });
  try {
    await withTimeout(app.initialize(), FRAMED_TIMEOUT_MS);
  } catch {
    return createBrowserHost({ theme: themeFromQuery(win.location.search), locale: win.navigator.language });
  }
  const ctx = await app.getContext();
  const host: Host = {
    context: {
      inTeams: true,
      theme: themeFromTeams(ctx.app.theme),
      locale: ctx.app.locale,
      userId: ctx.user?.id ?? null,
      userPrincipalName: ctx.user?.userPrincipalName ?? null,
      groupId: ctx.team?.groupId ?? null,
      teamName: ctx.team?.displayName ?? null,
      frameContext: ctx.page.frameContext ?? null,
      subPageId: ctx.page.subPageId ?? null,
    },
    getAuthToken: () => authentication.getAuthToken(),
    onThemeChange(handler) {
      let active = true;
      app.registerOnThemeChangeHandler((theme) => {
        if (active) handler(themeFromTeams(theme));
      });
      return () => {
        active = false;
      };
    },
    config:
      ctx.page.frameContext === 'settings'
        ? {
            setValid: (valid) => pages.config.setValidityState(valid),
            onSave(settings: () => ChannelTabSettings) {
              pages.config.registerOnSaveHandler((event) => {
                pages.config.setConfig(settings()).then(
                  () => event.notifySuccess(),
                  (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
                );
              });
            },
          }
        : null,
  };
  app.notifySuccess();
  return host;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Teams did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
