// GET /groups/{id}/members and GET /users/{id | UPN} through the one Graph client (budget,
// retries, paging by nextLink), as data like every other graph/ request.
import type { RequestOptions } from '../contract.js';
import { GraphError, GraphInputError } from '../errors.js';
import type { GraphExecutor } from '../http/graphExecutor.js';
import type { GraphRequest } from '../http/graphRequest.js';
import type { DirectoryService, DirectoryUser } from './types.js';

const SELECT = '$select=id,displayName,userPrincipalName';
/** Object ids are GUIDs; UPNs are name@domain. Anything else could change the request path. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,190}$/;

interface RawUser {
  readonly '@odata.type'?: string;
  readonly id?: string;
  readonly displayName?: string | null;
  readonly userPrincipalName?: string | null;
}

export class DirectoryClient implements DirectoryService {
  constructor(private readonly executor: GraphExecutor) {}

  async groupMembers(groupId: string, options: RequestOptions = {}): Promise<DirectoryUser[] | null> {
    if (!GUID.test(groupId)) throw new GraphInputError('A group id is a GUID');
    const request: GraphRequest = { method: 'GET', version: 'v1.0', path: `/groups/${groupId}/members?${SELECT}&$top=100`, buckets: [], logPath: '/groups/{id}/members' };
    try {
      const members = await this.executor.all<RawUser>(request, { priority: 'interactive', ...options });
      // Members may be users, devices, service principals or groups; only users have calls.
      return members.filter((m) => (m['@odata.type'] ?? '#microsoft.graph.user') === '#microsoft.graph.user' && typeof m.id === 'string').map(toUser);
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return null;
      throw error;
    }
  }

  async findUser(idOrUpn: string, options: RequestOptions = {}): Promise<DirectoryUser | null> {
    if (!GUID.test(idOrUpn) && !UPN.test(idOrUpn)) throw new GraphInputError('A user is named by object id (GUID) or user principal name (name@domain)');
    const request: GraphRequest = { method: 'GET', version: 'v1.0', path: `/users/${encodeURIComponent(idOrUpn)}?${SELECT}`, buckets: [], logPath: '/users/{id}' };
    try {
      const user = await this.executor.send<RawUser>(request, { priority: 'interactive', ...options });
      return typeof user.id === 'string' ? toUser(user) : null;
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return null;
      throw error;
    }
  }
}

function toUser(raw: RawUser): DirectoryUser {
  return { id: raw.id!.toLowerCase(), displayName: raw.displayName ?? null, userPrincipalName: raw.userPrincipalName ?? null };
}
