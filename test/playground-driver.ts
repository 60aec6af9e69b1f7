// Drives the Microsoft 365 Agents Playground 0.2.28 through its internal HTTP and WebSocket API
// (toolchain.md §2.1; undocumented, hence the pinned version): read its config, post a message
// as the current user, and collect what the bot shows.
import WebSocket from 'ws';

export interface PlaygroundMessage {
  readonly from?: { readonly id?: string };
  readonly text?: string;
  readonly attachments?: { readonly contentType?: string; readonly content?: unknown }[];
}

interface StreamEvent {
  readonly action: string;
  readonly message?: PlaygroundMessage;
}

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: { readonly id: string; readonly name: string; readonly aadObjectId: string };
  readonly personalChat: { readonly id: string };
}

export interface PlaygroundDriver {
  readonly config: PlaygroundConfig;
  /** Posts `text` to the personal chat as the current user. */
  say(text: string): Promise<void>;
  /** How many bot messages have arrived so far; pass it to botMessage to ignore earlier ones. */
  messageCount(): number;
  /** Resolves with the first bot message after the first `after` that satisfies `predicate`. */
  botMessage(predicate: (message: PlaygroundMessage) => boolean, options?: { after?: number; timeoutMs?: number }): Promise<PlaygroundMessage>;
  close(): void;
}

export async function connectToPlayground(baseUrl: string): Promise<PlaygroundDriver> {
  const response = await fetch(`${baseUrl}/_internal/v1/config`);
  if (!response.ok) throw new Error(`GET /_internal/v1/config answered ${response.status}`);
  const { config } = (await response.json()) as { config: PlaygroundConfig };

  const fromBot: PlaygroundMessage[] = [];
  const listeners = new Set<() => void>();
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  socket.on('message', (data: WebSocket.RawData) => {
    const event = JSON.parse(data.toString()) as StreamEvent;
    if ((event.action === 'createMessage' || event.action === 'updateMessage') && event.message?.from?.id === config.bot.id) {
      fromBot.push(event.message);
      listeners.forEach((notify) => notify());
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  return {
    config,
    async say(text) {
      const posted = await fetch(`${baseUrl}/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain' }),
      });
      if (!posted.ok) throw new Error(`posting to the Playground answered ${posted.status}: ${await posted.text()}`);
    },
    messageCount: () => fromBot.length,
    botMessage(predicate, { after = 0, timeoutMs = 30_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = fromBot.slice(after).find(predicate);
          if (!found) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching bot message within ${timeoutMs / 1000} s; the bot sent: ${JSON.stringify(fromBot).slice(0, 800)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}
