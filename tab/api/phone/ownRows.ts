// graph/ already narrows a report to one user; checking again keeps a report that ignored the
// filter from showing one user's rows to another.
export function tookPartIn<T extends { readonly userId?: string | null }>(rows: readonly T[], userId: string): T[] {
  const id = userId.toLowerCase();
  return rows.filter((r) => typeof r.userId === 'string' && r.userId.toLowerCase() === id);
}
