// How to reach Microsoft Graph. Structurally identical to server/config's GraphSettings, so the
// composition root passes its config through; graph/ must not import server/.

export type GraphAuth =
  | { readonly kind: 'secret'; readonly clientSecret: string }
  | { readonly kind: 'certificate'; readonly certificatePath: string }
  /**
   * `clientId`: a user-assigned identity's client id. Absent means the system-assigned identity;
   * the app registration's clientId is not a managed identity's, so it is never used in its place.
   */
  | { readonly kind: 'managedIdentity'; readonly clientId?: string };

export interface GraphSettings {
  readonly tenantId: string;
  readonly clientId: string;
  readonly auth: GraphAuth;
  /** Graph root without version, e.g. https://graph.microsoft.com or the emulator's https://localhost:4443. */
  readonly baseUrl: string;
  /** Microsoft Entra authority host, e.g. https://login.microsoftonline.com or the emulator. */
  readonly authorityHost: string;
  /**
   * Opt-in: send the query forms Graph does not document (graph-callrecords.md §5.2, §13), one
   * request fewer each: `$expand=sessions($expand=segments),participants_v2` on get, and the
   * participant filter joined with startDateTime on list. Off (the default) sends the documented
   * forms: sessions with segments in the expand and participants from /participants_v2; the
   * participant filter alone, with the date window applied here. When on and Graph refuses a
   * combined form with a 400, the client switches to the documented one for good.
   */
  readonly combinedQueries?: boolean;
}
