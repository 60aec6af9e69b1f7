// JSON value helpers shared by the store and the routes. Records are kept as plain JSON (not
// typed SDK objects) so that whatever a --records file holds is served back byte-for-byte.
export type JsonObject = { [key: string]: unknown };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const asArray = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** OData control information a file may carry from a real response; the emulator writes its own. */
export function isControlAnnotation(key: string): boolean {
  return key !== '@odata.type' && /@odata\.(context|nextLink|deltaLink|count|etag|id|editLink|readLink)$/.test(key);
}

export function withoutControlAnnotations(obj: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !isControlAnnotation(k)));
}
