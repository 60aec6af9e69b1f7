// Turns a scenario into a record plus its ground truth: who asks, who is at fault, which
// session carries the evidence.
import { meetingRecord, peerToPeerRecord, phoneCallRecord, type MeetingAttendee } from './calls.js';
import type { NetworkKind, SideCondition } from './conditions.js';
import type { GroundTruth } from './groundTruth.js';
import { clientProfile, type ClientProfile, type Participant } from './media.js';
import type { Rng } from './random.js';
import type { Scenario } from './scenarios.js';
import type { TenantUser } from './types.js';

export interface ComposeContext {
  readonly rng: Rng;
  readonly tenantId: string;
  readonly now: Date;
  /** Each person's usual device, so their calls look like the same laptop or phone. */
  readonly clients: Map<string, ClientProfile>;
}

export interface Composed {
  readonly record: Record<string, unknown>;
  readonly truth: GroundTruth;
}

export function healthy(rng: Rng): SideCondition {
  return { network: rng.weighted<NetworkKind>([['wired', 45], ['wifi5', 55]]), device: 'ok', rating: rng.chance(0.08) ? rng.pick(['good', 'excellent'] as const) : undefined };
}

function participant(ctx: ComposeContext, user: TenantUser, condition: SideCondition): Participant {
  let client = ctx.clients.get(user.id);
  if (!client) {
    client = clientProfile(ctx.rng.fork(user.id));
    ctx.clients.set(user.id, client);
  }
  const mobileClient = client.platform === 'iOS' || client.platform === 'android';
  // A phone on mobile data needs a phone client; a phone is never on a cable.
  if (condition.network === 'mobile' && !mobileClient) client = { ...client, platform: ctx.rng.pick(['iOS', 'android'] as const), machineName: `iPhone-${ctx.rng.int(100, 999)}`, cpuName: 'ARM64', mic: 'Built-in microphone', speaker: 'Built-in speaker' };
  const network: NetworkKind = mobileClient && condition.network === 'wired' ? 'wifi5' : condition.network;
  return { user, condition: { ...condition, network }, client };
}

function truthOf(scenario: Scenario, callId: string, asker: TenantUser): GroundTruth {
  const notes = scenario.notes ? { notes: [...scenario.notes] } : {};
  return { callId, userId: asker.id, scenario: scenario.name, verdict: scenario.verdict, cause: scenario.cause, side: scenario.side, ambiguous: scenario.ambiguous ?? false, ...notes };
}

export function composePeerToPeer(ctx: ComposeContext, args: { id: string; start: Date; seconds: number; asker: TenantUser; other: TenantUser; askerCalls: boolean; scenario: Scenario }): Composed {
  const { scenario } = args;
  const askerCondition = scenario.culprit === 'asker' && scenario.condition ? scenario.condition : healthy(ctx.rng);
  const otherCondition = scenario.culprit === 'other' && scenario.condition ? scenario.condition : (scenario.otherCondition ?? healthy(ctx.rng));
  const asker = participant(ctx, args.asker, askerCondition);
  if (scenario.shape === 'phoneCarrier') {
    const number = `+1425555${String(ctx.rng.int(100, 9999)).padStart(4, '0')}`;
    const timing = { start: args.start, seconds: args.seconds, now: ctx.now };
    const record = phoneCallRecord({ id: args.id, tenantId: ctx.tenantId, timing, video: false, caller: asker, number, carrierLoss: ctx.rng.between(0.12, 0.22) }, ctx.rng);
    return { record, truth: truthOf(scenario, args.id, args.asker) };
  }
  const other = participant(ctx, args.other, otherCondition);
  const record = peerToPeerRecord(
    {
      id: args.id,
      tenantId: ctx.tenantId,
      timing: { start: args.start, seconds: scenario.seconds ?? args.seconds, now: ctx.now },
      video: scenario.video ?? ctx.rng.chance(0.2),
      caller: args.askerCalls ? asker : other,
      callee: args.askerCalls ? other : asker,
      failure: scenario.failure,
    },
    ctx.rng,
  );
  return { record, truth: truthOf(scenario, args.id, args.asker) };
}

export interface MeetingArgs {
  readonly id: string;
  readonly start: Date;
  readonly seconds: number;
  readonly organizer: TenantUser;
  /** Everyone who joined (organizer included if they joined). */
  readonly people: readonly TenantUser[];
  readonly asker: TenantUser;
  readonly scenario: Scenario;
  /** Extra sessions from people who dropped and rejoined. */
  readonly rejoins?: number;
  readonly video?: boolean;
}

export function composeMeeting(ctx: ComposeContext, args: MeetingArgs): Composed {
  const { scenario, rng } = { scenario: args.scenario, rng: ctx.rng };
  // The culprit is the asker, or for "other" problems somebody else in the meeting.
  const others = args.people.filter((p) => p.id !== args.asker.id);
  const culprit = scenario.culprit === 'asker' ? args.asker : scenario.culprit === 'other' && others.length > 0 ? rng.pick(others) : undefined;
  const attendees: MeetingAttendee[] = args.people.map((user) => {
    const condition = user.id === culprit?.id && scenario.condition ? scenario.condition : healthy(rng);
    const joinOffset = rng.int(0, Math.min(300, Math.floor(args.seconds / 4)));
    const isAsker = user.id === args.asker.id;
    const failure = isAsker ? scenario.failure : undefined;
    const seconds = failure?.stage === 'callSetup' ? rng.int(3, 9) : Math.max(30, args.seconds - joinOffset - rng.int(0, 120));
    const serviceFault = isAsker && scenario.shape === 'serviceFault' ? rng.between(0.12, 0.2) : undefined;
    return { participant: participant(ctx, user, condition), joinOffset, seconds: isAsker && scenario.seconds ? scenario.seconds : seconds, failure, ...(serviceFault !== undefined ? { serviceFault } : {}) };
  });
  for (let i = 0; i < (args.rejoins ?? 0); i++) {
    const base = attendees[i % attendees.length]!;
    attendees.push({ ...base, joinOffset: Math.min(args.seconds - 60, base.joinOffset + rng.int(60, 600)), seconds: rng.int(60, 600), failure: undefined });
  }
  const record = meetingRecord(
    {
      id: args.id,
      tenantId: ctx.tenantId,
      timing: { start: args.start, seconds: args.seconds, now: ctx.now },
      video: args.video ?? scenario.video ?? rng.chance(0.5),
      organizer: args.organizer,
      attendees,
      joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${args.id.replace(/-/g, '').slice(0, 24)}%40thread.v2/0`,
    },
    rng,
  );
  return { record, truth: truthOf(scenario, args.id, args.asker) };
}
