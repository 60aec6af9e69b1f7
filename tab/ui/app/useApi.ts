// Loads one API answer for the current page, with loading and error states.
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useServices } from './context.js';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'error'; readonly status: number | null; readonly message: string } | { readonly state: 'ok'; readonly data: T };

export function useApi<T>(path: string | null): Loaded<T> {
  const { api } = useServices();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    api.get<T>(path).then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: unknown) => live && setResult({ state: 'error', status: error instanceof ApiError ? error.status : null, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, path]);
  return result;
}
