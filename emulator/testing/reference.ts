// The read-only reference material (CSDL, documentation examples) sits beside the checkout in
// ../shared/reference; resolved from the repository root, never from an absolute path.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsdlModel } from './csdl.js';

export const referenceDir = join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'reference');
export const graphExamplesDir = join(referenceDir, 'graph-examples');

export function loadCsdl(version: 'v1.0' | 'beta'): CsdlModel {
  return CsdlModel.load([join(referenceDir, `callRecords.${version}.csdl.xml`), join(referenceDir, 'graph-supporting-types.v1.0.csdl.xml')]);
}
