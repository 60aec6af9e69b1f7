// --records DIR: every *.json file is one callRecord as returned by
// GET .../callRecords/{id}?$expand=sessions($expand=segments) with all sessions inline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class RecordsDirError extends Error {}

export function readRecordsDir(dir: string): { file: string; json: unknown }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new RecordsDirError(`--records: cannot read the folder '${dir}' (${reason(error)}).`, { cause: error });
  }
  return names.map((file) => {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      throw new RecordsDirError(`--records: cannot read ${file} (${reason(error)}).`, { cause: error });
    }
    try {
      return { file, json: JSON.parse(text) as unknown };
    } catch (error) {
      throw new RecordsDirError(`--records: ${file} is not valid JSON (${reason(error)}).`, { cause: error });
    }
  });
}

/** The system code says what went wrong (ENOENT, ENOTDIR, EACCES, EISDIR); a parse error says where. */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
