// The people of the generated tenant. Alex Wilber is the demo user (the Agents Playground's
// default user has the same name); Ravi and Lena appear in the demo story.
import type { Rng } from './random.js';
import type { TenantUser } from './types.js';

export const DOMAIN = 'contoso.com';

const NAMES = [
  'Alex Wilber', 'Ravi Patel', 'Lena Fischer', 'Megan Bowen', 'Adele Vance', 'Diego Siciliani', 'Grady Archie', 'Henrietta Mueller',
  'Isaiah Langer', 'Johanna Lorenz', 'Joni Sherman', 'Lee Gu', 'Lidia Holloway', 'Lynne Robbins', 'Miriam Graham', 'Nestor Wilke',
  'Patti Fernandez', 'Pradeep Gupta', 'Aiko Tanaka', 'Chidi Okafor', 'Sofia Rossi', 'Mateo Alvarez', 'Priya Sharma', 'Jonas Berg',
  'Fatima Zahra', 'Liam O\'Connor', 'Yuki Sato', 'Amara Nwosu', 'Noah Schmidt', 'Elena Petrova', 'Omar Haddad', 'Chloe Martin',
  'Wei Zhang', 'Hannah Kim', 'Lucas Silva', 'Ingrid Johansson', 'Kwame Mensah', 'Zoe Taylor', 'Arjun Mehta', 'Nora Lindqvist',
] as const;

export function buildUsers(rng: Rng): TenantUser[] {
  return NAMES.map((displayName) => {
    const local = displayName.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.');
    return { id: rng.uuid(), displayName, userPrincipalName: `${local}@${DOMAIN}`, mail: `${local}@${DOMAIN}` };
  });
}

export function userNamed(users: readonly TenantUser[], displayName: string): TenantUser {
  const user = users.find((u) => u.displayName === displayName);
  if (!user) throw new Error(`no user named ${displayName}`);
  return user;
}
