// `npm run --silent diagnose -- FILE... [--user AAD_OBJECT_ID] [--json]`: diagnoses call record
// files (GET .../callRecords/{id}?$expand=sessions($expand=segments)). A bad file is reported on
// stderr by name; the others are still diagnosed; the exit status is 1 if any failed.
import { readFile } from 'node:fs/promises';
import { diagnoseCall, organizerId, parseCallRecord } from '../diagnosis/index.js';
import { parseArgs, USAGE } from './diagnoseArgs.js';
import { jsonLine, readableReport } from './diagnoseReport.js';

async function readJson(file: string): Promise<{ ok: true; json: unknown } | { ok: false; problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(error)})` };
  }
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${args.error === USAGE ? '' : `${USAGE}\n`}`);
    return 2;
  }
  let failed = 0;
  let first = true;
  for (const file of args.files) {
    const read = await readJson(file);
    const parsed = read.ok ? parseCallRecord(read.json) : read;
    if (!parsed.ok) {
      failed++;
      process.stderr.write(`${file}: ${parsed.problem}\n`);
      continue;
    }
    for (const warning of parsed.warnings) process.stderr.write(`${file}: warning: ${warning}\n`);
    const userId = args.user ?? organizerId(parsed.record);
    const diagnosis = diagnoseCall(parsed.record, userId ?? '');
    if (args.user && diagnosis.notes?.some((n) => n.code === 'user-not-found')) {
      process.stderr.write(`${file}: warning: --user ${args.user} is on no endpoint of this record; sides cannot be called yours\n`);
    }
    if (args.json) {
      if (!args.user) process.stderr.write(`${file}: no --user given; diagnosed from the organizer's point of view${userId ? ` (${userId})` : ' (none in the record)'}\n`);
      process.stdout.write(`${jsonLine(diagnosis)}\n`);
    } else {
      process.stdout.write(`${first ? '' : '\n'}${readableReport(file, diagnosis, { userId, organizer: !args.user })}\n`);
    }
    first = false;
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
