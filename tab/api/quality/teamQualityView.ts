// GET /api/teams/{groupId}/quality: aggregates over the team's members (from graph/'s directory),
// each member's calls diagnosed from their own side. Only members (and the helpdesk) may ask; to
// anyone else the team does not exist. Answers are kept a few minutes: a channel full of people
// opening the tab must not multiply the Graph requests.
import { listOwnCalls, loadOwnCall } from '../../../bot/calls/ownCalls.js';
import { patterns } from '../../../diagnosis/index.js';
import { notFound } from '../apiError.js';
import type { Caller } from '../auth/tokenValidator.js';
import type { TeamQualityResponse } from '../contract.js';
import type { TabApiDependencies } from '../dependencies.js';
import { inBatches } from './inBatches.js';

export const TEAM_PERIODS = [7, 14, 30] as const;
/** Calls examined per member and in all, so one team view stays within the Graph budget. */
export const MAX_CALLS_PER_MEMBER = 25;
export const MAX_TEAM_CALLS = 300;
const CACHE_MS = 5 * 60 * 1000;

export interface TeamQualityCache {
  readonly answers: Map<string, { readonly at: number; readonly answer: Promise<TeamQualityResponse & { readonly memberIds: ReadonlySet<string> }> }>;
}

export function createTeamQualityCache(): TeamQualityCache {
  return { answers: new Map() };
}

export async function teamQualityView(deps: Pick<TabApiDependencies, 'calls' | 'directory' | 'diagnose' | 'now'>, cache: TeamQualityCache, caller: Caller, groupId: string, days: number): Promise<TeamQualityResponse> {
  const answer = await teamAggregates(deps, cache, groupId, days);
  if (!answer.memberIds.has(caller.userId) && !caller.helpdesk) throw notFound('There is no such team, or you are not one of its members.');
  return { groupId: answer.groupId, days: answer.days, truncated: answer.truncated, quality: answer.quality };
}

/**
 * The same numbers without a caller: for the daily channel digest, which the channel's team asked
 * for (server/jobs/channelDigest.ts). Aggregates only, as the tab shows them, cached in `cache`.
 */
export async function teamAggregates(deps: Pick<TabApiDependencies, 'calls' | 'directory' | 'diagnose' | 'now'>, cache: TeamQualityCache, groupId: string, days: number): Promise<TeamQualityResponse & { readonly memberIds: ReadonlySet<string> }> {
  const key = `${groupId.toLowerCase()}|${days}`;
  const now = deps.now().getTime();
  let entry = cache.answers.get(key);
  if (!entry || now - entry.at > CACHE_MS) {
    entry = { at: now, answer: compute(deps, groupId, days) };
    cache.answers.set(key, entry);
    // A failed computation is not kept.
    entry.answer.catch(() => cache.answers.delete(key));
  }
  return entry.answer;
}

async function compute(deps: Pick<TabApiDependencies, 'calls' | 'directory' | 'diagnose' | 'now'>, groupId: string, days: number): Promise<TeamQualityResponse & { memberIds: ReadonlySet<string> }> {
  const members = await deps.directory.groupMembers(groupId, { priority: 'interactive' });
  if (!members) throw notFound('There is no such team, or you are not one of its members.');
  const now = deps.now();
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const perMember = await inBatches(members, 3, async (member) => {
    const summaries = await listOwnCalls(deps.calls, member.id, now, { since, limit: MAX_CALLS_PER_MEMBER });
    return summaries.map((summary) => ({ member: member.id, summary }));
  });
  // Round-robin over members, so a cap leaves everyone's newest calls in rather than whole people out.
  const all = Array.from({ length: Math.max(0, ...perMember.map((c) => c.length)) }, (_, rank) => perMember.flatMap((calls) => (calls[rank] ? [calls[rank]] : []))).flat();
  const work = all.slice(0, MAX_TEAM_CALLS);
  const rows = (
    await inBatches(work, 4, async ({ member, summary }) => {
      const record = await loadOwnCall(deps.calls, member, summary.id, summary.version);
      return record ? { person: member, observation: patterns.observeCall(record, deps.diagnose(record, member), member) } : null;
    })
  ).filter((r) => r !== null);
  // A member at the per-member cap may have had more calls in the period.
  const truncated = all.length > work.length || perMember.some((calls) => calls.length >= MAX_CALLS_PER_MEMBER);
  return { groupId: groupId.toLowerCase(), days, truncated, quality: patterns.teamQuality(rows, { now, days }), memberIds: new Set(members.map((m) => m.id)) };
}
