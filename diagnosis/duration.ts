// Graph serialises Edm.Duration as ISO 8601 (e.g. "PT0.016S"). Only the day-time part is
// meaningful for jitter, round-trip and freeze times; years and months have no fixed length.

const ISO_DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 day-time duration, or null when the value is not one. */
const SECONDS_ONLY = /^PT(\d+(?:\.\d+)?)S$/;

export function durationMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  // Fast path for the form Graph sends ("PT0.016S"); everything else takes the full grammar.
  const simple = SECONDS_ONLY.exec(value);
  if (simple) return Math.round(Number(simple[1]) * 1_000 * 1_000) / 1_000;
  const match = ISO_DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [, minus, days, hours, minutes, seconds] = match;
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined) return null;
  const ms = (Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3_600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1_000;
  if (!Number.isFinite(ms)) return null;
  // Round away floating-point noise (0.016 * 1000 = 16.000000000000004).
  const rounded = Math.round(ms * 1_000) / 1_000;
  return minus ? -rounded : rounded;
}
