// The engine's input: a Graph callRecord (GET with $expand=sessions($expand=segments), all pages
// merged, participants_v2 inline). Typed as Graph documents it, but every field is read as
// possibly missing, null or of the wrong type (see read.ts). Type-only import: nothing of the
// Graph SDK reaches the browser bundle.
import type { CallRecords } from '@microsoft/microsoft-graph-types';

export type CallRecordInput = CallRecords.CallRecord;
