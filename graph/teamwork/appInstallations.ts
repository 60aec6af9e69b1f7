// POST /users/{id}/teamwork/installedApps: installs a Teams app from the tenant catalog for one
// user (application permission TeamsAppInstallation.ReadWriteForUser.All). Teams then sends the
// bot an installationUpdate from that user's personal chat, which is where the bot captures the
// conversation reference proactive alerts need. Through the one executor: budget, errors, logs.
import type { RequestOptions } from '../contract.js';
import { GraphError, GraphInputError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import type { GraphRequest } from '../http/graphRequest.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** installed: Graph created it now; alreadyInstalled: 409, the user had it; userNotFound: 404 (left the tenant meanwhile). */
export type InstallOutcome = 'installed' | 'alreadyInstalled' | 'userNotFound';

export interface AppInstallationService {
  /** Installs the catalog app `catalogAppId` in the user's personal scope. Background priority unless told otherwise. */
  installForUser(userId: string, catalogAppId: string, options?: RequestOptions): Promise<InstallOutcome>;
}

export class AppInstallationClient implements AppInstallationService {
  constructor(
    private readonly executor: GraphExecutor,
    /** Graph root the odata.bind link names, e.g. https://graph.microsoft.com (the emulator's in demo mode). */
    private readonly baseUrl: string,
  ) {}

  async installForUser(userId: string, catalogAppId: string, options: RequestOptions = {}): Promise<InstallOutcome> {
    if (!GUID.test(userId)) throw new GraphInputError('A user is named by object id (GUID)');
    if (!GUID.test(catalogAppId)) throw new GraphInputError('A catalog app id is a GUID');
    const request: GraphRequest = {
      method: 'POST',
      version: 'v1.0',
      path: `/users/${userId}/teamwork/installedApps`,
      body: { 'teamsApp@odata.bind': `${this.baseUrl.replace(/\/+$/, '')}/v1.0/appCatalogs/teamsApps/${catalogAppId}` },
      buckets: [],
      logPath: '/users/{id}/teamwork/installedApps',
    };
    try {
      await this.executor.send<unknown>(request, { priority: 'background', ...options });
      return 'installed';
    } catch (error) {
      // Graph answers 409 Conflict when the app is already installed for the user.
      if (error instanceof GraphError && error.status === 409) return 'alreadyInstalled';
      if (error instanceof GraphError && error.status === 404) return 'userNotFound';
      throw error;
    }
  }
}
