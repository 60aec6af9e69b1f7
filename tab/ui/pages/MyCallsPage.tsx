// My calls: the last 30 days newest first, filters, search by person, infinite scroll with a
// "Load more" button as the keyboard (and no-IntersectionObserver) fallback.
import { Button, Checkbox, Dropdown, Field, Link, makeStyles, Option, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import type { CallSummary, CallsPage } from '../api/types.js';
import { useServices } from '../app/context.js';
import { callHref } from '../app/routes.js';
import { Loading } from '../components/Status.js';
import { VerdictBadge } from '../components/VerdictBadge.js';
import { callRow, callsPath, NO_FILTERS, type CallFilters, type KindFilter, type MediaFilter } from '../model/callList.js';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9em, auto) 1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  meta: { color: tokens.colorNeutralForeground2 },
  title: { fontWeight: tokens.fontWeightSemibold },
});

const MEDIA: readonly [MediaFilter, string][] = [
  ['any', 'Any media'],
  ['audio', 'Audio'],
  ['video', 'Video'],
  ['screenSharing', 'Screen sharing'],
];
const KINDS: readonly [KindFilter, string][] = [
  ['any', 'Any kind'],
  ['oneOnOne', '1:1 calls'],
  ['meeting', 'Meetings'],
  ['phone', 'Phone calls'],
];

type ListState = { calls: CallSummary[]; next: string | null; loading: boolean; error: string | null; status: number | null };

export function MyCallsPage() {
  const styles = useStyles();
  const { api, host } = useServices();
  const [filters, setFilters] = useState<CallFilters>(NO_FILTERS);
  const [person, setPerson] = useState('');
  const [list, setList] = useState<ListState>({ calls: [], next: null, loading: true, error: null, status: null });
  const generation = useRef(0);

  const load = useCallback(
    (path: string, append: boolean) => {
      const mine = ++generation.current;
      setList((old) => ({ ...old, loading: true, error: null, ...(append ? {} : { calls: [], next: null }) }));
      api.get<CallsPage>(path).then(
        (page) => {
          if (mine !== generation.current) return;
          setList((old) => ({ calls: append ? [...old.calls, ...page.calls] : [...page.calls], next: page.next, loading: false, error: null, status: null }));
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setList((old) => ({ ...old, loading: false, error: error instanceof Error ? error.message : String(error), status: error instanceof ApiError ? error.status : null }));
        },
      );
    },
    [api],
  );

  useEffect(() => load(callsPath(filters), false), [filters, load]);
  // Search as you type, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.person === person ? f : { ...f, person })), 300);
    return () => clearTimeout(timer);
  }, [person]);

  const more = useRef<HTMLDivElement>(null);
  const next = list.next;
  const loading = list.loading;
  useEffect(() => {
    const target = more.current;
    if (!target || !next || loading || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) load(next, true);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [next, loading, load]);

  return (
    <section aria-labelledby="my-calls-title">
      <h1 id="my-calls-title">My calls</h1>
      <Text as="p" className={styles.meta}>
        Your Teams calls and meetings of the last 30 days, newest first. A call appears once Microsoft has finished analysing it, usually within minutes of its end.
      </Text>
      <div className={styles.filters} role="search" aria-label="Filter calls">
        <Field label="Person">
          <SearchBox value={person} onChange={(_e, data) => setPerson(data.value)} placeholder="Search by name" />
        </Field>
        <Field label="Media">
          <Dropdown
            value={MEDIA.find(([v]) => v === filters.media)?.[1] ?? ''}
            selectedOptions={[filters.media]}
            onOptionSelect={(_e, data) => setFilters((f) => ({ ...f, media: (data.optionValue as MediaFilter) ?? 'any' }))}
          >
            {MEDIA.map(([value, label]) => (
              <Option key={value} value={value}>
                {label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Kind">
          <Dropdown
            value={KINDS.find(([v]) => v === filters.kind)?.[1] ?? ''}
            selectedOptions={[filters.kind]}
            onOptionSelect={(_e, data) => setFilters((f) => ({ ...f, kind: (data.optionValue as KindFilter) ?? 'any' }))}
          >
            {KINDS.map(([value, label]) => (
              <Option key={value} value={value}>
                {label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Checkbox label="Poor or dropped only" checked={filters.poorOnly} onChange={(_e, data) => setFilters((f) => ({ ...f, poorOnly: data.checked === true }))} />
      </div>
      {list.error && (
        <Text as="p" role="alert">
          {list.status === 401 ? (
            <>
              Please sign in: your session is missing or has expired. <Link href="#/signin">Sign in</Link>
            </>
          ) : (
            `Could not load your calls: ${list.error}`
          )}
        </Text>
      )}
      <ul className={styles.list} aria-label="Calls" aria-busy={list.loading}>
        {list.calls.map((call) => {
          const row = callRow(call, host.context.locale);
          return (
            <li key={call.id} className={styles.row} data-call-id={call.id}>
              <VerdictBadge verdict={call.verdict} />
              <div>
                <Link href={callHref(call.id)} className={styles.title}>
                  {row.kind} with {row.title}
                </Link>
                <div className={styles.meta}>
                  {row.when} · {row.length} · {row.media}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {!list.loading && !list.error && list.calls.length === 0 && <Text as="p">No calls match these filters in the last 30 days.</Text>}
      {list.loading && <Loading label="Loading calls" />}
      {list.next && !list.loading && (
        <div ref={more}>
          <Button onClick={() => list.next && load(list.next, true)}>Load more calls</Button>
        </div>
      )}
    </section>
  );
}
