// Admin opt-in (ALERTS_INSTALL_GROUP_ID): installs Call Doctor for every member of one group, so
// alerts can reach people who never opened the bot. Installing makes Teams send the bot an
// installationUpdate from the member's personal chat; bot/handlers/installRoutes.ts stores that
// conversation reference, and only then can an alert reach them. Members the bot can already
// reach are skipped. Background priority throughout: interactive questions go first.
import type { ConversationReferenceStore } from '../../bot/index.js';
import { GraphThrottledError, type AppInstallationService, type DirectoryService, type Logger } from '../../graph/index.js';

export interface GroupInstallDeps {
  readonly tenantId: string;
  readonly groupId: string;
  readonly catalogAppId: string;
  readonly directory: DirectoryService;
  readonly installations: AppInstallationService;
  readonly conversations: ConversationReferenceStore;
  readonly logger: Logger;
}

export interface GroupInstallReport {
  readonly members: number;
  /** Already reachable (a conversation reference is stored): not asked of Graph. */
  readonly reachable: number;
  readonly installed: number;
  readonly alreadyInstalled: number;
  readonly notFound: number;
  readonly failed: number;
  /** Graph throttled the run; the remaining members wait for the next run. */
  readonly deferred: number;
  /** False when the group does not exist. */
  readonly groupFound: boolean;
}

export async function installForGroup(deps: GroupInstallDeps): Promise<GroupInstallReport> {
  const members = await deps.directory.groupMembers(deps.groupId, { priority: 'background' });
  const counts = { members: 0, reachable: 0, installed: 0, alreadyInstalled: 0, notFound: 0, failed: 0, deferred: 0 };
  if (members === null) {
    deps.logger.warn({ job: 'groupInstall' }, 'the configured install group does not exist; nothing installed');
    return { ...counts, groupFound: false };
  }
  counts.members = members.length;
  for (const [position, member] of members.entries()) {
    if (await deps.conversations.get({ tenantId: deps.tenantId, userId: member.id })) {
      counts.reachable++;
      continue;
    }
    try {
      const outcome = await deps.installations.installForUser(member.id, deps.catalogAppId, { priority: 'background' });
      if (outcome === 'installed') counts.installed++;
      else if (outcome === 'alreadyInstalled') counts.alreadyInstalled++;
      else counts.notFound++;
    } catch (error) {
      if (error instanceof GraphThrottledError) {
        // A POST is never repeated blindly; the rest of the group waits for the next run.
        counts.deferred = members.length - position;
        break;
      }
      counts.failed++;
      deps.logger.warn({ job: 'groupInstall', error: error instanceof Error ? error.name : 'unknown' }, 'could not install the app for one member');
    }
  }
  // Counts only: no member id reaches the log.
  deps.logger.info({ job: 'groupInstall', ...counts }, 'group install run finished');
  return { ...counts, groupFound: true };
}
