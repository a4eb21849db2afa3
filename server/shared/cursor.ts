import { invalid } from '../errors';

/** Opaque keyset cursors: the sort key and id of the last row of a page. */
export interface Keyset {
  k: string | number;
  id: number;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify(k)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Keyset;
    if ((typeof v.k === 'string' || typeof v.k === 'number') && Number.isInteger(v.id)) return v;
  } catch {
    // fall through
  }
  throw invalid('cursor', 'This page link is no longer valid; go back to the first page.');
}
