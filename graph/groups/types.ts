// The directory reads the tab's API needs: a team's members (channel view) and one user by UPN
// (helpdesk lookup). Team members need the application permission GroupMember.Read.All;
// the user lookup User.Read.All (or User.ReadBasic.All).
import type { RequestOptions } from '../contract.js';

export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string | null;
  readonly userPrincipalName: string | null;
}

export interface DirectoryService {
  /** Every user member of the group (a team's group id), all pages; devices and nested groups are skipped. Null when the group does not exist. */
  groupMembers(groupId: string, options?: RequestOptions): Promise<DirectoryUser[] | null>;
  /** One user by object id or UPN, or null when there is none. */
  findUser(idOrUpn: string, options?: RequestOptions): Promise<DirectoryUser | null>;
}
