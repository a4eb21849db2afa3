import { notFound, stale } from '../errors';

/**
 * The optimistic-concurrency rule every update and delete follows: the row must exist, and the
 * caller must have read the version that is current now.
 */
export function checkVersion<T extends { version: number }>(
  entity: string,
  id: number,
  row: T | undefined,
  readVersion: number,
): T {
  if (!row) throw notFound(entity, id);
  if (row.version !== readVersion) throw stale(entity, row);
  return row;
}

/** The row or a NOT_FOUND error naming the field that pointed at it. */
export function found<T>(entity: string, id: number, row: T | undefined, field?: string): T {
  if (!row) throw notFound(entity, id, field);
  return row;
}
