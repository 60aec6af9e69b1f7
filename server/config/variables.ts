// Every environment variable Call Doctor reads, in one table. The README's configuration
// table is checked against this list by a test, so adding a variable here means documenting it.

export interface VariableSpec {
  readonly name: string;
  /** Shown in the README; `undefined` means "unset". */
  readonly default: string | undefined;
  readonly description: string;
  /** Secrets are never echoed in errors or logs. */
  readonly secret?: boolean;
}

export const VARIABLES = [
  { name: 'PORT', default: '3978', description: 'HTTP port of the server (bot endpoint /api/messages, tab, tab API, webhooks).' },
  { name: 'PUBLIC_URL', default: 'demo: http://localhost:PORT', description: 'Public https base URL of this server, used for Graph change-notification webhooks and links. Required (https) when GRAPH_TENANT_ID is set.' },
  { name: 'LOG_LEVEL', default: 'info', description: 'trace, debug, info, warn, error or silent.' },
  { name: 'BOT_ID', default: '', description: 'Azure Bot app id (MicrosoftAppId). Empty runs the bot unauthenticated, which only the Agents Playground may use.' },
  { name: 'BOT_PASSWORD', default: '', description: 'Client secret of the bot app registration. Required when BOT_ID is set, except with BOT_TYPE=UserAssignedMSI.', secret: true },
  { name: 'BOT_TYPE', default: 'SingleTenant', description: 'SingleTenant or UserAssignedMSI; MultiTenant is refused when BOT_ID is set (Call Doctor serves one tenant). Forced to MultiTenant when BOT_ID is empty (anonymous Agents Playground).' },
  { name: 'BOT_TURN_DEADLINE_MS', default: '8000', description: 'How long a bot turn may take before it answers with a still-working notice and sends the answer when ready; keep it well inside the Bot Connector limit of about 15 s.' },
  { name: 'BOT_TENANT_ID', default: 'GRAPH_TENANT_ID', description: 'Tenant of the bot app registration (SingleTenant, UserAssignedMSI).' },
  { name: 'GRAPH_TENANT_ID', default: undefined, description: 'Microsoft Entra tenant whose call records are read. Unset means demo mode: everything runs offline against the Graph emulator.' },
  { name: 'GRAPH_CLIENT_ID', default: undefined, description: 'App registration (or managed identity client id) holding the application permission CallRecords.Read.All (and CallRecord-PstnCalls.Read.All for phone reports). Required when GRAPH_TENANT_ID is set.' },
  { name: 'GRAPH_AUTH', default: 'inferred', description: 'secret, certificate or managedIdentity. Inferred: secret if GRAPH_CLIENT_SECRET is set, certificate if GRAPH_CERTIFICATE_PATH is set, else managedIdentity.' },
  { name: 'GRAPH_CLIENT_SECRET', default: undefined, description: 'Client secret for GRAPH_AUTH=secret.', secret: true },
  { name: 'GRAPH_CERTIFICATE_PATH', default: undefined, description: 'PEM file with certificate and private key for GRAPH_AUTH=certificate.' },
  { name: 'GRAPH_BASE_URL', default: 'https://graph.microsoft.com', description: 'Microsoft Graph root (no version). Demo mode points it at the emulator.' },
  { name: 'GRAPH_AUTHORITY_HOST', default: 'https://login.microsoftonline.com', description: 'Microsoft Entra authority host. Demo mode points it at the emulator.' },
  { name: 'GRAPH_COMBINED_QUERIES', default: 'false', description: 'true sends the query forms Graph does not document, which cost less (one request fewer per call record; list pages for the asked window instead of the user\'s 30 days): $expand=sessions($expand=segments),participants_v2 on a call record, and the participant filter joined with startDateTime on the list. false sends the documented forms (participants from /participants_v2; the participant filter alone, the date window applied by Call Doctor). When true and Graph refuses a combined form, the documented one is used from then on.' },
  { name: 'STORE', default: 'sqlite', description: 'sqlite (one instance) or azure (Azure Storage tables and queues shared by several instances).' },
  { name: 'SQLITE_PATH', default: 'data/call-doctor.sqlite', description: 'SQLite database file for STORE=sqlite.' },
  { name: 'AZURE_STORAGE_CONNECTION_STRING', default: undefined, description: 'Connection string for STORE=azure (UseDevelopmentStorage=true for Azurite).', secret: true },
  { name: 'AZURE_STORAGE_ALERTS_QUEUE', default: 'calldoctor-alerts', description: 'Storage Queue carrying the proactive alerts\' work for STORE=azure, shared by every instance (3-63 lower-case letters, digits and single hyphens).' },
  { name: 'ALERTS_CLIENT_STATE', default: 'random per start', description: 'Shared secret Graph echoes in every change notification; notifications with another value are discarded. Set it when several instances share the work.', secret: true },
  { name: 'ALERTS_LEASE_SECONDS', default: '120', description: 'How long the alert worker holds a queued notification (visibility timeout) before another worker may take it, and after how long a send left unrecorded by a crash is retried. Longer than one record takes to fetch, diagnose and send.' },
  { name: 'SUMMARY_RETENTION_DAYS', default: '90', description: 'How long the per-user call index (each entry is the call summary: id, times, type, media, participants\' object ids; no addresses, devices or streams) is kept, in days (30-3650). Raw call records are always dropped after Graph\'s 30 days.' },
  { name: 'ALERTS_INSTALL_GROUP_ID', default: undefined, description: 'Admin opt-in, off when unset: the Microsoft 365 group (GUID) whose members get Call Doctor installed for them (on start and daily, application permission TeamsAppInstallation.ReadWriteForUser.All), so alerts can reach people who never opened the bot.' },
  { name: 'ALERTS_INSTALL_CATALOG_APP_ID', default: 'TEAMS_APP_ID', description: 'Id of Call Doctor in the tenant app catalog (Teams admin center, Manage apps, App ID) for the group install; differs from the manifest id when the app was uploaded to the org catalog.' },
  { name: 'CHANNEL_DIGEST_TIME', default: '08:00', description: 'UTC time of day (HH:MM) the daily channel digest is posted to channels that said "daily digest on".' },
  { name: 'TEAMS_APP_ID', default: 'demo: 00000000-0000-0000-0000-0000000ca11d', description: 'Teams app id from the manifest, used to build deep links into the tab. Required when GRAPH_TENANT_ID is set.' },
  { name: 'TAB_CLIENT_ID', default: 'demo: ca11d0c7-0000-4000-8000-00000000007a', description: 'Client id of the tab\'s Entra app registration (Teams SSO, scope access_as_user, app role CallDoctor.Helpdesk). Unset in production leaves the tab API unmounted.' },
  { name: 'TAB_APP_ID_URI', default: 'api://<PUBLIC_URL host>/TAB_CLIENT_ID', description: 'Application ID URI of the tab\'s app registration; tab API tokens must have it or TAB_CLIENT_ID as audience.' },
  { name: 'CQD_THRESHOLDS', default: '{}', description: 'JSON object overriding call-quality thresholds by key, e.g. {"audio.jitterMs":40}. Keys are listed in diagnosis/thresholds.ts.' },
  { name: 'AZURE_OPENAI_ENDPOINT', default: undefined, description: 'Optional. With AZURE_OPENAI_DEPLOYMENT, questions the built-in intent router does not recognise go to a teams-ai ActionPlanner whose actions are the same answers; the router still answers first.' },
  { name: 'AZURE_OPENAI_DEPLOYMENT', default: undefined, description: 'Azure OpenAI chat deployment name.' },
  { name: 'AZURE_OPENAI_API_KEY', default: undefined, description: 'Azure OpenAI key; when unset the planner signs in with the same app identity that reads Graph (secret, certificate or managed identity).', secret: true },
  { name: 'AZURE_OPENAI_API_VERSION', default: '2024-10-21', description: 'Azure OpenAI API version.' },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', default: undefined, description: 'Optional. Sends HTTP traces, outgoing calls and the (redacted) logs to Application Insights through OpenTelemetry. Ignored in demo mode.', secret: true },
  { name: 'EMULATOR_PORT', default: '4443', description: 'Demo mode: HTTPS port of the Graph emulator started alongside the server.' },
  { name: 'DEMO_SEED', default: '42', description: 'Demo mode: seed of the generated tenant.' },
  { name: 'DEMO_LIVE_SECONDS', default: '45', description: 'Demo mode with a generated tenant: the emulator ends a new call this often, the first one the demo user\'s own poor call, so an alert reaches the Playground chat within a minute; 0 turns live calls off.' },
  { name: 'PLAYGROUND_PORT', default: '56150', description: 'Demo mode: port of the Microsoft 365 Agents Playground.' },
] as const satisfies readonly VariableSpec[];

export type VariableName = (typeof VARIABLES)[number]['name'];
