/**
 * Tokenisation for the intake extractor: wink-nlp (with its npm-shipped English model) gives
 * tokens, part-of-speech tags, lemmas and sentence boundaries; we map every token back to
 * character offsets (UTF-16, end exclusive) in the original text and add quote depth and
 * paragraph information.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  /** Index of the sentence (wink sentences, additionally split at line breaks). */
  sent: number;
  /** True when the token lies inside a direct quotation (between opening and closing quotes). */
  inQuote: boolean;
  /** True when a line break precedes the token (start of a paragraph). */
  paraStart: boolean;
  /** Orthographic shape (see features.ts `shape`). */
  shape: string;
}

export function shape(s: string): string {
  if (/^\p{Lu}+$/u.test(s)) return s.length > 1 ? 'XX' : 'X';
  if (/^\p{Lu}/u.test(s)) return 'Xx';
  if (/^\p{Ll}/u.test(s)) return 'x';
  if (/^\p{N}/u.test(s)) return 'd';
  return 'p:' + s.slice(0, 2);
}

type Nlp = ReturnType<typeof winkNLP>;
/** wink-nlp's lexicon: every word it has met, by index (the model's words first). */
interface Lexicon { hash: Record<string, number>; list: string[] }
/** A wink-nlp instance, its lexicon, and the lexicon's size when the instance was made. */
interface Wink { nlp: Nlp; lexicon: Lexicon; base: number }
let wink: Wink | undefined;

/**
 * wink-nlp adds every unknown word it meets to its lexicon, and its tokenizer does not split a
 * word the lexicon knows: once "Clinton’s" has been met as one token (in ‘Clinton’s’), every
 * later text kept it whole where a fresh instance splits "Clinton" + "’s". So tokens (and the
 * attributions found) depended on what the process had read before. readWink() therefore makes
 * the lexicon forget the words a text added once the text is read (their entries stay at their
 * indices, so the features wink keeps beside them stay aligned); every text is read as by a fresh
 * instance. The forgotten entries still take memory: a new instance replaces the old one after
 * 200,000 of them.
 */
function getWink(): Wink {
  if (!wink || wink.lexicon.list.length - wink.base > 200_000) {
    // the core model is built inside winkNLP(); wrapping its loader is the one way to reach the lexicon
    let core: { features: { lexeme: Lexicon } } | undefined;
    const load = (model as unknown as { core: () => typeof core }).core;
    const nlp = winkNLP({ ...model, core: () => (core = load()) } as typeof model);
    if (!core) throw new Error('wink-nlp did not load its core model');
    wink = { nlp, lexicon: core.features.lexeme, base: core.features.lexeme.list.length };
  }
  return wink;
}

/** wink-nlp's token values, tags, lemmas and sentence numbers for a text, read as by a fresh instance. */
function readWink(text: string): { values: string[]; pos: string[]; lemma: string[]; sentOf: Int32Array } {
  const { nlp, lexicon } = getWink();
  const known = lexicon.list.length;
  try {
    const its = nlp.its;
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemma = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const sentOf = new Int32Array(values.length);
    let k = 0;
    doc.sentences().each((s, si) => {
      const cnt = s.tokens().length();
      for (let j = 0; j < cnt && k < values.length; j++) sentOf[k++] = si;
    });
    return { values, pos, lemma, sentOf };
  } finally {
    // forget the words this text added
    for (let i = known; i < lexicon.list.length; i++) if (lexicon.hash[lexicon.list[i]!] === i) delete lexicon.hash[lexicon.list[i]!];
  }
}

const OPEN_Q = new Set(['“', '‘', '«']);
const CLOSE_Q = new Set(['”', '’', '»']);

export function tokenize(text: string): Token[] {
  const { values, pos, lemma, sentOf } = readWink(text);
  const tokens: Token[] = [];
  let cursor = 0;
  let sentShift = 0;
  let prevSent = -1;
  let quoteOpen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (pos[i] === 'SPACE' || v.trim() === '') continue;
    let at = text.indexOf(v, cursor);
    if (at < 0 || at - cursor > 200) at = -1;
    if (at < 0) continue; // token not found verbatim (normalised by the tokenizer): skip it
    const gap = text.slice(cursor, at);
    const paraStart = gap.includes('\n') || tokens.length === 0;
    cursor = at + v.length;
    let sent = sentOf[i]! + sentShift;
    if (paraStart && tokens.length > 0 && sent === prevSent) {
      sentShift++;
      sent++;
    }
    prevSent = sent;
    const lower = v.toLowerCase();
    // Straight double quotes toggle; curly ones open/close. Paragraph breaks reset.
    if (paraStart) quoteOpen = false;
    let inQuote = quoteOpen;
    if (v === '"') {
      quoteOpen = !quoteOpen;
      inQuote = true;
    } else if (OPEN_Q.has(v) && v !== '‘') {
      quoteOpen = true;
      inQuote = true;
    } else if (CLOSE_Q.has(v) && v !== '’') {
      inQuote = true;
      quoteOpen = false;
    }
    tokens.push({ start: at, end: at + v.length, text: v, lower, pos: pos[i] ?? 'X', lemma: (lemma[i] ?? lower).toLowerCase(), sent, inQuote, paraStart, shape: shape(v) });
  }
  return tokens;
}
