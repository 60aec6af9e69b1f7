import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphExamplesDir } from '../test/support/reference.js';
import { describe, expect, it } from 'vitest';
import { organizerId, parseCallRecord } from './parse.js';
import type { CallRecordInput } from './input.js';

const example = (name: string): unknown => JSON.parse(readFileSync(join(graphExamplesDir, name), 'utf8'));

describe('parseCallRecord', () => {
  it.each([
    [null, /got null/],
    [[], /got an array/],
    ['text', /got a string/],
    [{}, /no "id"/],
    [{ id: 'x' }, /none of the call record fields/],
    [{ id: 'x', sessions: 'many' }, /"sessions" must be an array/],
    [{ id: 'x', sessions: [1] }, /not an object/],
    [{ error: { code: 'NotFound', message: 'gone' } }, /Graph error response.*gone/],
  ])('when given %j then it names what is wrong', (input, problem) => {
    const result = parseCallRecord(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('when given a list of call records then it says to fetch one record with its sessions', () => {
    const result = parseCallRecord(example('list-callrecords.v1.0.json'));
    expect(result.ok ? '' : result.problem).toMatch(/list response.*\$expand=sessions/);
  });

  it('when the record still has a sessions next link then it warns that sessions are missing', () => {
    const result = parseCallRecord(example('get-callrecord-expand-sessions-segments.v1.0.json'));
    expect(result.ok && result.warnings).toEqual([expect.stringMatching(/more sessions are on a next page/)]);
    const complete = parseCallRecord(example('get-callrecord.v1.0.json'));
    expect(complete.ok && complete.warnings).toEqual([]);
  });

  it('when given a call record then it passes the same object through', () => {
    const json = example('get-callrecord-expand-sessions-segments.v1.0.json');
    const result = parseCallRecord(json);
    expect(result.ok && result.record).toBe(json);
  });
});

describe('organizerId', () => {
  it('when organizer_v2 is present then its id is the default point of view', () => {
    expect(organizerId(example('get-callrecord.v1.0.json') as CallRecordInput)).toBe('821809f5-0000-0000-0000-3b5136c0e777');
  });

  it('when there is no organizer then it is null', () => {
    expect(organizerId({ id: 'x' } as CallRecordInput)).toBeNull();
  });
});

describe('organizerId of a sessions page', () => {
  it('when the record has no organizer then the first session caller stands in', () => {
    const parsed = parseCallRecord(example('list-sessions-expand-segments.v1.0.json'));
    expect(parsed.ok && organizerId(parsed.record)).toBe('821809f5-0000-0000-0000-3b5136c0e777');
  });
});
