import { Writable } from 'node:stream';
import { Router } from 'express';
import { SignJWT } from 'jose';
import { ActivityTypes, MemoryStorage, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { createBotAdapter } from '../../bot/index.js';
import type { Logger } from '../../graph/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/index.js';
import { createHttpApp } from './createHttpApp.js';
import { listen, type RunningServer } from './listen.js';

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

function echoBot(appId: string, logger: Logger) {
  const adapter = createBotAdapter({ appId, appPassword: appId ? 'not-a-real-secret' : '', appType: 'MultiTenant', tenantId: '' }, logger);
  const app = new Application({ storage: new MemoryStorage(), adapter });
  const seen: string[] = [];
  app.message(/.*/, async (context: TurnContext) => {
    seen.push(context.activity.text);
    await context.sendActivity(`echo: ${context.activity.text}`);
  });
  for (const type of ['conversationUpdate', 'installationUpdate'] as const) {
    app.activity(type, async (context: TurnContext) => {
      seen.push(type);
      await context.sendActivity(`hello from ${type}`);
    });
  }
  app.activity('invoke', async (context: TurnContext) => {
    seen.push(`invoke ${context.activity.name}`);
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { handled: context.activity.name } } });
  });
  return { adapter, app, seen };
}

const activity = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: 'm1',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:alice', name: 'Alice', aadObjectId: 'user-1' },
  conversation: { id: 'conv-1', conversationType: 'personal', tenantId: 'tenant-1' },
  recipient: { id: '28:bot', name: 'Call Doctor' },
  text,
  channelData: { tenant: { id: 'tenant-1' } },
  ...extra,
});

describe('createHttpApp', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(options: { appId?: string; routers?: Router[] } = {}) {
    const { logger, lines } = recordingLogger();
    const bot = echoBot(options.appId ?? '', logger);
    const app = createHttpApp({ logger, health: { mode: 'demo', version: '9.9.9' }, bot, routers: options.routers ?? [] });
    server = await listen(app, 0, '127.0.0.1');
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server!.url}/api/messages`, { method: 'POST', headers, body });
    return { lines, bot, post, url: server.url };
  }

  it('when /healthz is asked, then it answers the mode and version and nothing else', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', mode: 'demo', version: '9.9.9' });
  });

  it('when an activity asks for expectReplies, then the bot reply comes back in the response body', async () => {
    const { post } = await start();
    const response = await post(JSON.stringify(activity('hello', { deliveryMode: 'expectReplies' })));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text: string }[] };
    expect(body.activities.map((a) => a.text)).toEqual(['echo: hello']);
  });

  it('when the body is malformed JSON, then the answer is 400 with a clear error and a request id', async () => {
    const { post, bot } = await start();
    const response = await post('{"type": "message", ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('invalid_json');
    expect(body.error.message).toMatch(/not valid JSON/);
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(bot.seen).toEqual([]);
  });

  it('when the body is JSON but not an activity, then the answer is 400 naming what is missing', async () => {
    const { post } = await start();
    for (const body of ['[1,2]', '"text"', '{"text":"no type"}']) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_activity');
    }
  });

  type Activity = Record<string, unknown>;
  const without =
    (field: string) =>
    ({ [field]: _dropped, ...rest }: Activity): Activity =>
      rest;
  const withField = (field: string, value: unknown) => (a: Activity) => ({ ...a, [field]: value });

  it.each<[string, (a: Activity) => Activity, RegExp]>([
    ['has no serviceUrl', without('serviceUrl'), /"serviceUrl"/],
    ['has a serviceUrl that is not a URL', withField('serviceUrl', 'smba.trafficmanager.net/teams'), /"serviceUrl" is not an absolute URL/],
    ['has a serviceUrl that is not http(s)', withField('serviceUrl', 'file:///etc/passwd'), /"serviceUrl" must be an http\(s\) URL/],
    ['has no conversation', without('conversation'), /"conversation"/],
    ['has a conversation without an id', withField('conversation', { conversationType: 'personal' }), /"conversation\.id"/],
    ['has no from', without('from'), /"from"/],
    ['has a from with an empty id', withField('from', { id: ' ', aadObjectId: 'user-1' }), /"from\.id"/],
    ['has no recipient', without('recipient'), /"recipient"/],
    ['has no channelId', without('channelId'), /"channelId"/],
    ['has entities that are not an array', withField('entities', { type: 'mention' }), /"entities" must be an array/],
    // Found by test/hardening-fuzz.test.ts: botbuilder's getMentions reads null.length.
    ['has entities that are null', withField('entities', null), /"entities" must be an array/],
    ['has attachments that are not an array', withField('attachments', 'card'), /"attachments" must be an array/],
    ['has text that is not a string', withField('text', 42), /"text" must be a string/],
    // The two that used to reach the Bot Connector's serializer and come back as a 500 with its message.
    ['has a locale that is a number', withField('locale', 1033), /"locale" must be a string/],
    ['has a conversationType that is a number', withField('conversation', { id: 'conv-1', conversationType: 7 }), /"conversation\.conversationType" must be a string/],
    ['has a from.name that is an object', withField('from', { id: '29:alice', name: { first: 'A' } }), /"from\.name" must be a string/],
    ['has an aadObjectId that is a number', withField('from', { id: '29:alice', aadObjectId: 12345 }), /"from\.aadObjectId" must be a string/],
    ['has a recipient.role that is an array', withField('recipient', { id: '28:bot', role: ['bot'] }), /"recipient\.role" must be a string/],
    ['has a tenantId that is a number', withField('conversation', { id: 'conv-1', tenantId: 1 }), /"conversation\.tenantId" must be a string/],
    ['has an entity without a string type', withField('entities', [{ type: 3 }]), /"entities\[0\]"/],
    ['has a mention without a mentioned id', withField('entities', [{ type: 'mention', text: '<at>x</at>' }]), /"entities\[0\]\.mentioned\.id"/],
    ['has channelData that is a string', withField('channelData', 'tenant'), /"channelData" must be an object/],
    ['has a channelData.tenant.id that is a number', withField('channelData', { tenant: { id: 5 } }), /"channelData\.tenant\.id" must be a string/],
    ['has a value that is a string', withField('value', 'verb'), /"value" must be an object/],
    ['has a timestamp that is not a date', withField('timestamp', 'yesterday-ish'), /"timestamp" must be an ISO 8601/],
    ['has a member without an id', withField('membersAdded', [{ name: 'x' }]), /"membersAdded\[0\]\.id"/],
    ['has an attachment without a contentType', withField('attachments', [{ content: {} }]), /"attachments\[0\]"/],
  ])('when a message activity %s, then the answer is 400 naming the field, the bot never runs and nothing is logged as an error', async (_case, change, named) => {
    const { post, bot, lines } = await start();
    for (const deliveryMode of ['normal', 'expectReplies']) {
      const response = await post(JSON.stringify(change(activity('hello', { deliveryMode }))));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_activity');
      expect(body.error.message).toMatch(named);
    }
    expect(bot.seen).toEqual([]);
    expect(lines.filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  });

  it('when Teams sends install and invoke activities, then they still reach the bot and get their answers', async () => {
    const { post, bot } = await start();
    const conversationUpdate = activity('', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:bot' }], deliveryMode: 'expectReplies' });
    const installationUpdate = activity('', { type: 'installationUpdate', text: undefined, action: 'add', deliveryMode: 'expectReplies' });
    const invoke = activity('', { type: 'invoke', text: undefined, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'feedback' } } });

    const replies = async (a: Activity) => ((await (await post(JSON.stringify(a))).json()) as { activities: { text: string }[] }).activities.map((r) => r.text);
    expect(await replies(conversationUpdate)).toEqual(['hello from conversationUpdate']);
    expect(await replies(installationUpdate)).toEqual(['hello from installationUpdate']);
    const invoked = await post(JSON.stringify(invoke));
    expect(invoked.status).toBe(200);
    expect(await invoked.json()).toEqual({ handled: 'adaptiveCard/action' });
    expect(bot.seen).toEqual(['conversationUpdate', 'installationUpdate', 'invoke adaptiveCard/action']);
  });

  it('when the body is not JSON content, then the answer is 415', async () => {
    const { post } = await start();
    const response = await post('type=message', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
  });

  it('when the body is larger than the limit, then the answer is 413 and the server keeps serving', async () => {
    const { post, url } = await start();
    const response = await post(JSON.stringify(activity('x'.repeat(300_000))));
    expect(response.status).toBe(413);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('when a route throws unexpectedly, then the caller gets a bare 500 and the log has the error', async () => {
    const failing = Router().get('/boom', () => {
      throw new Error('database file is locked at 10.1.2.3');
    });
    const { url, lines } = await start({ routers: [failing] });
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('locked');
    expect(JSON.parse(text).error.code).toBe('internal_error');
    const logged = lines.find((l) => l.msg === 'unhandled error while serving a request');
    expect(JSON.stringify(logged)).toContain('database file is locked');
    expect(JSON.stringify(lines)).not.toContain('10.1.2.3');
  });

  it('when the Bot Connector refuses the reply and the apology, then the answer carries no library text, the console stays silent and the log has the scrubbed error', { timeout: 90_000 }, async () => {
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    try {
      const { post, lines, url } = await start();
      // serviceUrl http://127.0.0.1:9/ refuses connections: the reply and then the apology fail.
      const response = await post(JSON.stringify(activity('hello')));
      const text = await response.text();
      expect(response.status).toBeLessThan(600);
      expect(text).not.toMatch(/ECONNREFUSED|RestError|at .*\.js:\d+|127\.0\.0\.1/);
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleWarn).not.toHaveBeenCalled();
      const failure = lines.find((l) => l.msg === 'unhandled error in bot turn');
      expect(JSON.stringify(failure)).toMatch(/"stack"/);
      expect(JSON.stringify(lines)).not.toContain('127.0.0.1');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      consoleError.mockRestore();
      consoleWarn.mockRestore();
    }
  });

  it('when the bot endpoint is called with GET or HEAD, then the answer is 405 naming POST', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/messages`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await fetch(`${url}/api/messages`, { method: 'HEAD' })).status).toBe(405);
  });

  it('when the server closes while a request is in flight, then that request still gets its answer', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const slow = Router().get('/slow', async (_req, res) => {
      arrive();
      await released;
      res.json({ done: true });
    });
    const { url } = await start({ routers: [slow] });
    const pending = fetch(`${url}/slow`);
    // Close only once the request is inside the handler, however slow the machine is.
    await arrived;
    const closing = server!.close();
    release();
    const response = await pending;
    expect(await response.json()).toEqual({ done: true });
    await closing;
    server = undefined;
  });

  it('when a path is unknown, then the answer is a JSON 404', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('when a request is served, then the access log has method, path and status but no query string', async () => {
    const { url, lines } = await start();
    await fetch(`${url}/healthz?validationToken=secret-token-1`);
    const line = lines.find((l) => l.msg === 'request served');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('secret-token-1');
  });

  describe('with a bot app id (channel authentication on)', () => {
    const appId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

    it('when a request has no Bot Connector token, then it gets 401 and the bot never runs', async () => {
      const { post, bot } = await start({ appId });
      const response = await post(JSON.stringify(activity('hello')));
      expect(response.status).toBe(401);
      expect(bot.seen).toEqual([]);
    });

    it('when a tokenless request is also malformed, then it gets 401 (not a 400 naming the field) in the JSON error shape', async () => {
      const { post, lines } = await start({ appId });
      for (const body of [JSON.stringify({ type: 'message' }), '{"broken', 'not json at all']) {
        const response = await post(body);
        expect(response.status).toBe(401);
        const answer = (await response.json()) as { error: { code: string; message: string; requestId: string } };
        expect(answer.error.code).toBe('unauthorized');
        expect(answer.error.requestId).toBe(response.headers.get('x-request-id'));
        expect(answer.error.message).not.toMatch(/Unauthorized Access|AuthenticationError/);
      }
      // The reason goes to the redacting logger instead of the console.
      expect(lines.filter((l) => l.msg === 'bot request refused: no valid Bot Connector token')).toHaveLength(3);
    });

    it('when a request carries a malformed bearer token, then it gets 401, not a 500', async () => {
      const { post } = await start({ appId });
      for (const token of ['abc', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJhdWQiOiIzZjFjIn0.']) {
        const response = await post(JSON.stringify(activity('hello')), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
        expect(response.status).toBe(401);
      }
    });

    it('when a request carries a token from an issuer Bot Framework does not use, then it gets 401', async () => {
      const { post, bot } = await start({ appId });
      const forged = await new SignJWT({ aud: appId, serviceurl: 'http://127.0.0.1:9/' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('https://attacker.example.com')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('forged-key-forged-key-forged-key'));
      const response = await post(JSON.stringify(activity('hello')), { 'content-type': 'application/json', authorization: `Bearer ${forged}` });
      expect(response.status).toBe(401);
      expect(bot.seen).toEqual([]);
    });
  });
});
