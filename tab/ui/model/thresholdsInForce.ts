// The thresholds the server classified with (CQD_THRESHOLDS overrides applied), read back from the
// API's per-metric classes, so the tab colours with the same numbers the bot uses.
import { DEFAULT_THRESHOLDS, THRESHOLD_KEYS, type ThresholdKey, type Thresholds } from '../../../diagnosis/index.js';
import { arr, num, obj, str } from './json.js';

export function thresholdsInForce(sessions: readonly unknown[], base: Thresholds = DEFAULT_THRESHOLDS): Thresholds {
  const found: Partial<Record<ThresholdKey, number>> = {};
  for (const session of sessions)
    for (const segment of arr(obj(session)?.segments))
      for (const media of arr(obj(segment)?.media))
        for (const stream of arr(obj(media)?.streams))
          for (const metric of arr(obj(obj(stream)?.cqd)?.metrics)) {
            const m = obj(metric);
            const key = str(m?.thresholdKey);
            const value = num(m?.threshold);
            if (key && value !== null && (THRESHOLD_KEYS as readonly string[]).includes(key)) found[key as ThresholdKey] ??= value;
          }
  return Object.keys(found).length ? { ...base, ...found } : base;
}
