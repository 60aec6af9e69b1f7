// The read-only reference material (CSDL, documentation examples) sits beside the checkout, in
// ../shared/reference, both on developer machines and in CI's clean clone: resolve it from the
// repository root, never from an absolute path.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const referenceDir = join(repoRoot, '..', 'shared', 'reference');
export const graphExamplesDir = join(referenceDir, 'graph-examples');
