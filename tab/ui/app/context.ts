// What every page receives: the API client, the session, the host and the thresholds.
import { createContext, useContext } from 'react';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../diagnosis/index.js';
import type { ApiClient } from '../api/client.js';
import type { Host } from '../host/host.js';
import type { Session } from './session.js';

export interface TabServices {
  readonly api: ApiClient;
  readonly session: Session;
  readonly host: Host;
  readonly thresholds: Thresholds;
  /** Base URL of the tab (".../tab/"), for links the config page saves. */
  readonly tabUrl: string;
}

export const ServicesContext = createContext<TabServices | null>(null);

export function useServices(): TabServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}

export { DEFAULT_THRESHOLDS };
