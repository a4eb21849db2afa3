/**
 * The values for a SQL `IN (…)`: never empty (`IN ()` is a syntax error in SQLite and
 * PostgreSQL), so no ids means the impossible id -1 and no rows.
 */
export const inList = (ids: readonly number[]): number[] => (ids.length ? [...ids] : [-1]);
