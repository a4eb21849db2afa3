/**
 * What a user typed, as search terms: words of letters, digits and combining marks, lowercased,
 * deduplicated (operators typed in capitals, AND OR NOT NEAR, are dropped), at most MAX_TERMS of at most MAX_TERM_LENGTH characters. Everything else
 * (quotes, operators, brackets, stars, colons, carets, minus signs) is a separator, so no
 * input can carry query syntax into the database. Client-safe: no imports.
 */
export const MAX_TERMS = 12;
export const MAX_TERM_LENGTH = 64;

/** Private-use characters that mark a match inside a highlighted snippet (never shown). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Operators typed in capitals, as someone used to query syntax would: dropped, never required. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

export function searchTerms(input: string): string[] {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (OPERATORS.has(w)) continue;
    const t = w.toLowerCase().slice(0, MAX_TERM_LENGTH);
    if (!out.includes(t)) out.push(t);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/** Splits a highlighted snippet into plain and matched parts (stray markers are dropped). */
export function markedParts(text: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let buf = '';
  for (const ch of text) {
    if (ch === MARK_START || ch === MARK_END) {
      if (buf) parts.push({ text: buf, match });
      buf = '';
      match = ch === MARK_START;
    } else buf += ch;
  }
  if (buf) parts.push({ text: buf, match });
  return parts;
}
