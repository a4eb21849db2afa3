/**
 * How alike two claim texts are, from 0 (nothing shared) to 1 (the same words), robust to
 * rewording: "Assad has fled Syria" and "Bashar al-Assad has left Syria" share their content
 * words (assad, syria) though not their phrasing. Pure and dialect-free: the database only
 * supplies candidates (search.sqlite.ts); this decides how similar they are.
 *
 * score = 0.6 · token score + 0.4 · trigram score, where
 * - token score: the mean of the Dice coefficient and the overlap coefficient of the two sets of
 *   content words (stop words dropped, light suffix stripping, so "claims" ~ "claim"); the overlap
 *   coefficient keeps a short rewording of a longer claim close to it;
 * - trigram score: Dice coefficient of the character trigrams of the content words, which
 *   forgives spelling variants ("Abdurrahman" ~ "Abdel Rahman", "Hayat Tahrir" ~ "Hayat Tahreer").
 */

const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at by for from with without into onto over under as is are was were be been being ' +
    'has have had having do does did will would shall should may might can could must not no nor so than that this these ' +
    'those there their its it he she they we you i his her them our your who whom which what when where why how all any ' +
    'some such also just only very more most about after before again against between during through up down out off ' +
    'al el said says say reportedly according'
  ).split(' '),
);

/** Lowercase words without diacritics. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A light stemmer: enough to let plurals and tenses meet ("claims", "claimed" → "claim"). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The content words of a text: stop words and one-letter words dropped, stemmed, unique. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w)).map(stem))];
}

function trigrams(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    const padded = ` ${t} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function intersectionSize<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const dice = <T>(a: Set<T>, b: Set<T>) => (a.size + b.size === 0 ? 0 : (2 * intersectionSize(a, b)) / (a.size + b.size));
const overlap = <T>(a: Set<T>, b: Set<T>) => (Math.min(a.size, b.size) === 0 ? 0 : intersectionSize(a, b) / Math.min(a.size, b.size));

export function similarity(a: string, b: string): number {
  const ta = contentWords(a);
  const tb = contentWords(b);
  if (!ta.length || !tb.length) return 0;
  const sa = new Set(ta);
  const sb = new Set(tb);
  const tokenScore = (dice(sa, sb) + overlap(sa, sb)) / 2;
  const trigramScore = dice(trigrams(ta), trigrams(tb));
  return 0.6 * tokenScore + 0.4 * trigramScore;
}
