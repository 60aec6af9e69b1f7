// "Forget my data" reaches past the bot's own stores: the call index (graph/), and the alert
// pipeline's log once it is wired. Each is named for the bot's reply.
import type { ForgettableData } from '../bot/index.js';
import type { CallIndex } from '../graph/index.js';
import type { AlertLog } from './alerts/ports.js';

export interface UserDataSources {
  readonly index: Pick<CallIndex, 'removeUser'>;
  /** The alert pipeline's log (server/alerts); absent until the pipeline is wired. */
  readonly alertLog?: Pick<AlertLog, 'removeUser'>;
}

export function userDataStores(sources: UserDataSources): ForgettableData[] {
  return [
    // The index is keyed by Graph's lower-case object id; the index entry is the stored call summary.
    { what: 'call history entries (call summaries)', store: { forgetUser: (user) => sources.index.removeUser(user.userId.toLowerCase()) } },
    ...(sources.alertLog ? [{ what: 'alerts sent to you', store: { forgetUser: sources.alertLog.removeUser.bind(sources.alertLog) } }] : []),
  ];
}
