// `npm run package -- --env dev [--env-file FILE]`: builds appPackage/build/appPackage.<env>.zip.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { buildAppPackage, PackagingError } from './buildPackage.js';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' }, 'env-file': { type: 'string' } } });
const root = join(import.meta.dirname, '..', '..');
try {
  const built = await buildAppPackage({ root, env: values.env, ...(values['env-file'] ? { envFile: values['env-file'] } : {}) });
  process.stdout.write(`wrote ${built.zipPath}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof PackagingError ? error.message : String(error)}\n`);
  process.exit(1);
}
