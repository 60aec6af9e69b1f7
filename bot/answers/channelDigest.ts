// "daily digest on" / "daily digest off" in a team channel (@mentioned, by a member of the team):
// stores or drops the channel's reference; server/jobs/channelDigest.ts posts the card daily.
import type { Asker } from '../asker.js';
import type { BotDependencies } from '../dependencies.js';
import type { BotReply } from './reply.js';

export type DigestRequest = { readonly on: boolean } | { readonly status: true };

const reply = (text: string): BotReply => ({ activity: { type: 'message', text }, summary: text });

export async function answerChannelDigest(deps: BotDependencies, asker: Asker, request: DigestRequest): Promise<BotReply> {
  const channel = asker.channel;
  if (asker.scope !== 'channel' || !channel) return reply('The daily digest is for team channels: @mention me in a channel of your team and say "daily digest on".');
  if (!channel.teamGroupId) return reply('Teams did not tell me which team this channel belongs to, so I cannot post its digest.');
  // Only a member of the team may change what its channel receives (a shared channel can hold outsiders).
  const members = deps.teamMembers ? await deps.teamMembers(channel.teamGroupId) : null;
  if (!members || !members.has(asker.userId.toLowerCase())) return reply('Only members of this team can turn its daily digest on or off.');
  const existing = await deps.stores.digests.get(asker.tenantId, channel.channelId);
  if ('status' in request) return reply(existing ? 'The daily digest is on for this channel. Say "daily digest off" to stop it.' : 'The daily digest is off for this channel. Say "daily digest on" to start it.');
  if (!request.on) {
    const removed = await deps.stores.digests.remove(asker.tenantId, channel.channelId);
    return reply(removed ? 'Daily digest off: I no longer post the team’s call quality here.' : 'The daily digest was not on for this channel.');
  }
  await deps.stores.digests.save({
    tenantId: asker.tenantId,
    channelId: channel.channelId,
    groupId: channel.teamGroupId,
    reference: channel.reference,
    createdAt: existing?.createdAt ?? deps.now(),
    lastPostedAt: existing?.lastPostedAt ?? null,
  });
  return reply('Daily digest on: once a day I post this team’s call quality here. Aggregates only, never one person’s call; a team with fewer than 5 people with calls gets no figures.');
}
