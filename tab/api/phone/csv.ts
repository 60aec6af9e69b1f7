// Any list as CSV, written by csv-stringify (quoting of commas, quotes and newlines). Numbers stay
// numbers, instants stay ISO 8601 (what spreadsheets parse), and phone numbers are written exactly
// as Graph returned them, masked parts included. Free text that a spreadsheet would run as a
// formula (a display name starting with "=" or "@") gets a leading apostrophe; phone-number
// columns are marked verbatim, so "+14255550100" is never altered.
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | undefined;
  /** Written exactly as given (phone numbers, ids, ISO instants). */
  readonly verbatim?: boolean;
}

const FORMULA_START = /^[=@\t\r]/;

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const records = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return '';
      if (typeof v === 'string' && !c.verbatim && FORMULA_START.test(v)) return `'${v}`;
      return v;
    }),
  );
  return stringify(records, { header: true, columns: columns.map((c) => c.header), cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) } });
}

export function sendCsv(res: Response, name: string, csv: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
  res.send(csv);
}
