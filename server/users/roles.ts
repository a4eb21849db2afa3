// Client-safe: who may do what. Each role can do everything the roles before it can.
export { ROLES, type Role } from '~/db/schema';
import type { Role } from '~/db/schema';

const RANK: Record<Role, number> = { checker: 1, editor: 2, admin: 3 };

export function hasRole(actual: Role | null | undefined, needed: Role): boolean {
  return actual != null && RANK[actual] >= RANK[needed];
}

export const ROLE_LABEL: Record<Role, string> = { checker: 'Checker', editor: 'Editor', admin: 'Admin' };

export const ROLE_DESCRIPTION: Record<Role, string> = {
  checker: 'logs claims, attributes and links them, edits',
  editor: 'also reviews claims, grades sources, merges duplicates, deletes',
  admin: 'also invites users, changes roles, disables and unlocks accounts, makes password reset links',
};
