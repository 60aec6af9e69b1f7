// --records DIR: every *.json file is one callRecord as returned by
// GET .../callRecords/{id}?$expand=sessions($expand=segments) with all sessions inline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class RecordsDirError extends Error {}

export function readRecordsDir(dir: string): { file: string; json: unknown }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new RecordsDirError(`--records: cannot read the folder '${dir}'.`);
  }
  return names.map((file) => {
    try {
      return { file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown };
    } catch (error) {
      throw new RecordsDirError(`--records: ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
  });
}
