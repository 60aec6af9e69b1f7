import { describe, expect, it } from 'vitest';
import { GraphHttpError } from '../http/graphError.js';
import { parseSubscriptionRequest } from './subscriptionRequest.js';

const now = new Date('2026-11-29T12:00:00Z');
const base = { changeType: 'created,updated', notificationUrl: 'https://hooks.example/api/n', resource: '/communications/callRecords', expirationDateTime: '2026-11-30T12:00:00Z', clientState: 's' };

describe('parseSubscriptionRequest', () => {
  it.each([
    ["participants/any(p:p/id eq 'a')", ['a']],
    ["participants/any(p:p/id eq 'a' or p/id eq 'b')", ['a', 'b']],
    ["participants/any(p:p/id in ('a', 'b', 'c'))", ['a', 'b', 'c']],
  ])('when the resource filters with %s, then those participant ids are kept', (filter, ids) => {
    const parsed = parseSubscriptionRequest({ ...base, resource: `/communications/callRecords?$filter=${filter}` }, now);
    expect([...parsed.participantIds!].sort()).toEqual(ids);
  });

  it('when two filters list the same ids in another order, then they are the same resource (for 409)', () => {
    const a = parseSubscriptionRequest({ ...base, resource: "/communications/callRecords?$filter=participants/any(p:p/id eq 'a' or p/id eq 'b')" }, now);
    const b = parseSubscriptionRequest({ ...base, resource: "communications/callRecords?$filter=participants/any(p:p/id in ('b','a'))" }, now);
    expect(a.resourceKey).toBe(b.resourceKey);
  });

  it.each([
    [{ changeType: 'deleted' }, /changeType/],
    [{ resource: "/communications/callRecords?$filter=organizer/id eq 'a'" }, /participants\/any/],
    [{ expirationDateTime: '2026-12-02T23:00:00Z' }, /4230/],
    [{ expirationDateTime: '2026-11-29T11:00:00Z' }, /future/],
    [{ clientState: 'x'.repeat(129) }, /128/],
    [{ notificationUrl: 'ftp://hooks.example' }, /https/],
    [{ includeResourceData: true }, /Rich notifications/],
  ])('when the body has %o, then it is a 400 naming the problem', (change, message) => {
    const attempt = (): unknown => parseSubscriptionRequest({ ...base, ...change }, now);
    expect(attempt).toThrow(GraphHttpError);
    expect(attempt).toThrow(message);
  });
});
