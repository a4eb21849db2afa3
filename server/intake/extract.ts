/**
 * The intake extractor: from an article's plain text to proposed attributions (who said what,
 * with which cue). Pure function of the text; the trained weights ship in ./model.json.gz
 * (retrain with `npm run intake:train`).
 */
import { DomainError } from '../errors';
import { baseFeatures, isQuote, jointContext, ROLE_GROUPS, RoleView, roleWindow, type CueSpan } from './features';
import { Perceptron, type PerceptronModel } from './perceptron';
import { tokenize, type Token } from './tokens';
import { readFileSync } from 'node:fs';
import { shippedFile } from './shipped';
import { gunzipSync } from 'node:zlib';

/** Character offsets into the text (UTF-16 code units, as JavaScript counts), end exclusive. */
export interface Piece { start: number; end: number }
/** A span is one piece or several (for discontinuous spans such as a quote split by "he said"). */
export type Span = Piece | Piece[];
export type Stance = 'asserts' | 'denies' | 'reports';

export interface Attribution {
  source: Span | null;
  cue: Span | null;
  content: Span;
  stance: Stance;
  /** The content as a neutral, self-contained statement where that is simple; else the content. */
  claim: string;
}

/** Inputs above this size (UTF-8 bytes) are refused. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export class IntakeInputTooLargeError extends DomainError {
  constructor(readonly bytes: number) {
    super('invalid', `The article is too large to analyse (${(bytes / 1024 / 1024).toFixed(1)} MB); the limit is 2 MB. Split it or paste only the article text.`, 'text', { bytes, limit: MAX_INPUT_BYTES });
    this.name = 'IntakeInputTooLargeError';
  }
}

export interface IntakeModel { cue: PerceptronModel; role: PerceptronModel; joint?: PerceptronModel }
export interface Models {
  cue: Perceptron;
  role: Perceptron;
  /**
   * The sentence tagger, and one numbering of the base features it and the cue tagger both read,
   * with where each model's weights of every number are: each feature is looked up once.
   */
  joint?: { model: Perceptron; numbering: Map<string, number>; cueRows: Int32Array; jointRows: Int32Array };
}

/** A gzipped JSON weights file (the shipped model, or a trainer's output). */
export const readModelFile = <T = IntakeModel>(path: string): T => JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as T;

let loaded: Models | undefined;
/** The shipped weights, read once. */
export function loadShippedModels(): Models {
  loaded ??= loadModels(readModelFile(shippedFile('model.json.gz', () => new URL('./model.json.gz', import.meta.url))));
  return loaded;
}

export function loadModels(m: IntakeModel): Models {
  const cue = Perceptron.fromModel(m.cue), role = Perceptron.fromModel(m.role);
  if (!m.joint) return { cue, role };
  const joint = Perceptron.fromModel(m.joint);
  const numbering = new Map<string, number>();
  for (const model of [joint, cue]) for (const f of model.featureNames()) if (!numbering.has(f)) numbering.set(f, numbering.size);
  return { cue, role, joint: { model: joint, numbering, cueRows: cue.rowsOf(numbering), jointRows: joint.rowsOf(numbering) } };
}

/** The sentence tagger's label of every token (stacked into the other taggers' features). */
export function jointLabels(toks: Token[], joint: Perceptron, feats = baseFeatures(toks)): string[] {
  return labelsBySentence(toks, joint, joint.scores(feats));
}

/** Viterbi labels sentence by sentence from per-token emission scores. */
function labelsBySentence(toks: Token[], model: Perceptron, em: Float64Array[]): string[] {
  const out = new Array<string>(toks.length);
  for (const [s, e] of sentenceRanges(toks)) model.decodeScores(em.slice(s, e)).forEach((k, i) => (out[s + i] = model.labels[k]!));
  return out;
}

/** UTF-8 length of the text, exact once it could exceed the limit (the refusal's measure). */
export function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_INPUT_BYTES) return text.length; // cannot exceed the limit
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** Token-sequence helpers shared with the trainer. */
export function sentenceRanges(toks: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 1; i <= toks.length; i++) {
    if (i === toks.length || toks[i]!.sent !== toks[i - 1]!.sent) { out.push([s, i]); s = i; }
  }
  return out;
}

/** Runs of tokens with the given role in a label sequence. */
export function runs(labels: string[], role: string, offset = 0): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 'B-' + role || (l === 'I-' + role && (i === 0 || !labels[i - 1]!.endsWith(role)))) out.push([i + offset, i + offset]);
    else if (l === 'I-' + role) out[out.length - 1]![1] = i + offset;
  }
  return out;
}

/** The cues of a text, and the sentence tagger's labels (when the model has one) for the role tagger. */
export function detectCues(toks: Token[], m: Models): { cues: CueSpan[]; joint?: string[] } {
  const base = baseFeatures(toks);
  let joint: string[] | undefined, em: Float64Array[];
  if (m.joint) {
    // each base feature looked up once, for both taggers (the same sums as stackJoint's features)
    const { model, numbering, cueRows, jointRows } = m.joint;
    const ids: Int32Array[] = [], jointEm: Float64Array[] = [];
    for (const fs of base) {
      const x = new Int32Array(fs.length);
      for (let k = 0; k < fs.length; k++) x[k] = numbering.get(fs[k]!) ?? -1;
      ids.push(x);
      jointEm.push(model.addRows(model.bias.slice(), x, jointRows));
    }
    joint = labelsBySentence(toks, model, jointEm);
    const stacked = jointContext(toks, joint);
    em = [];
    for (let i = 0; i < ids.length; i++) em.push(m.cue.add(m.cue.addRows(m.cue.bias.slice(), ids[i]!, cueRows), stacked[i]!));
  } else {
    em = m.cue.scores(base);
  }
  const cues: CueSpan[] = [];
  const lab = labelsBySentence(toks, m.cue, em);
  for (const [a, b] of runs(lab, 'CUE')) cues.push({ a, b });
  return { cues, ...(joint ? { joint } : {}) };
}

/** Token spans of given character pieces (the longest run of each), for error analysis with gold cues. */
function cuesFromPieces(toks: Token[], cues: [number, number][][]): CueSpan[] {
  const out: CueSpan[] = [];
  for (const ps of cues) {
    const idx = toks.map((t, i) => (ps.some(([s, e]) => t.start < e && s < t.end) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const rs: [number, number][] = [];
    for (const i of idx) { const l = rs[rs.length - 1]; if (l && l[1] === i - 1) l[1] = i; else rs.push([i, i]); }
    rs.sort((x, y) => y[1] - y[0] - (x[1] - x[0]));
    out.push({ a: rs[0]![0], b: rs[0]![1] });
  }
  return out;
}

const DENY = new Set(['deny', 'denied', 'denies', 'denying', 'denial', 'reject', 'rejected', 'dismiss', 'dismissed', 'refute', 'refuted', 'dispute', 'disputed', 'rebut', 'rebuffed', 'contradict', 'contradicted', 'disavow', 'disavowed', 'repudiate', 'repudiated', 'deflect', 'deflected']);
const REPORTS = new Set(['report', 'reported', 'reports', 'reporting', 'reportedly', 'cite', 'cited', 'citing', 'quote', 'quoted', 'quoting', 'relay', 'relayed', 'according', 'rumor', 'rumored', 'rumoured', 'allegedly', 'purportedly', 'circulate', 'circulated', 'circulating']);

export function stanceOf(cueWords: string[]): Stance {
  if (cueWords.some((w) => DENY.has(w))) return 'denies';
  // "according to X" is X's assertion; plain relaying verbs are reports.
  if (cueWords.includes('according')) return 'asserts';
  if (cueWords.some((w) => REPORTS.has(w))) return 'reports';
  return 'asserts';
}

const piecesToSpan = (pieces: Piece[]): Span | null => (pieces.length === 0 ? null : pieces.length === 1 ? pieces[0]! : pieces);

const PRONOUN_SOURCE = /^(he|she|they|it|i|we|you|him|her|them|who|which|that|this|these|those|one|someone|somebody)$/i;

/**
 * Make the content into a neutral, self-contained statement where that is simple. In reported
 * speech a leading "he"/"she"/"they" is the source ("the groups announced they had entered the
 * capital"), so it is replaced by the source's words when the source is a noun phrase; inside a
 * direct quotation the pronoun may be anyone, so quotes keep theirs.
 */
export function claimText(text: string, content: Piece[], source: Piece[] = []): string {
  let s = content
    .map((p, i) => {
      let piece = text.slice(p.start, p.end).trim();
      // a quote interrupted by its cue: drop the comma and quote mark before the interruption
      if (i < content.length - 1) piece = piece.replace(/[\s,:;"“”‘’']+$/, '');
      return piece;
    })
    .filter(Boolean)
    .join(' ');
  const raw = s;
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(that|whether|if)\s+/i, '');
  // Strip enclosing quotation marks and stray quotes around pieces.
  s = s.replace(/^[\s"“”‘’'«»,:;]+/, '').replace(/[\s"“”‘’'«»,:;]+$/, '');
  s = s.replace(/\s*["“”]\s*["“”]\s*/g, ' ');
  // quotation marks left inside are kept when they pair up (calls of "God is great"), else dropped
  const straight = (s.match(/"/g) ?? []).length, open = (s.match(/“/g) ?? []).length, close = (s.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || open !== close) s = s.replace(/[“”"]/g, '');
  s = s.replace(/\s+([,.;:!?])/g, '$1').trim();
  if (!s) return raw.trim();
  const quoted = /["“”«»]/.test(raw);
  const who = source.length === 1 ? text.slice(source[0]!.start, source[0]!.end).replace(/\s+/g, ' ').trim() : '';
  if (!quoted && who && !PRONOUN_SOURCE.test(who) && /^(he|she|they)\b/i.test(s)) s = s.replace(/^(he|she|they)\b/i, who);
  s = s.charAt(0).toUpperCase() + s.slice(1);
  if (!/[.!?]$/.test(s)) s += '.';
  return s;
}

const isPunct = (t: Token) => t.pos === 'PUNCT' || t.pos === 'SYM' || !/[\p{L}\p{N}]/u.test(t.text);

/** Drop punctuation at the edges of each run (keeps a run made only of punctuation, like a colon cue). */
function trimRuns(toks: Token[], rs: [number, number][]): [number, number][] {
  return rs.map(([a, b]) => {
    let x = a, y = b;
    while (x < y && isPunct(toks[x]!)) x++;
    while (y > x && isPunct(toks[y]!)) y--;
    return [x, y] as [number, number];
  });
}

/** Complete a source noun phrase cut short by the tagger ("state" → "state television"). */
function completeSource(toks: Token[], rs: [number, number][], isCue: Uint8Array): [number, number][] {
  return rs.map(([a, b]) => {
    let y = b;
    while (y + 1 < toks.length && !isCue[y + 1] && toks[y + 1]!.sent === toks[b]!.sent && (toks[y + 1]!.pos === 'NOUN' || toks[y + 1]!.pos === 'PROPN') && (toks[y]!.pos === 'NOUN' || toks[y]!.pos === 'PROPN' || toks[y]!.pos === 'ADJ')) y++;
    return [a, y] as [number, number];
  });
}

/**
 * Nominal denials the tagger rarely sees in its training data: "government denials of Assad's
 * departure", "the ministry's denial of the report" -> source, cue "denial(s)", content.
 */
function nominalDenials(text: string, toks: Token[], isCue: Uint8Array): Attribution[] {
  const out: Attribution[] = [];
  for (let i = 0; i < toks.length - 2; i++) {
    const t = toks[i]!;
    if (isCue[i] || (t.lower !== 'denial' && t.lower !== 'denials') || toks[i + 1]!.lower !== 'of') continue;
    // content: the noun phrase after "of", up to punctuation or a clause boundary
    let e = i + 2;
    while (e + 1 < toks.length && toks[e + 1]!.sent === t.sent && !isPunct(toks[e + 1]!) && !['VERB', 'AUX', 'SCONJ', 'CCONJ'].includes(toks[e + 1]!.pos) && !(toks[e + 1]!.pos === 'ADP' && e + 1 > i + 3)) e++;
    // source: the modifiers before "denial" ("government", "the ministry's", "official Syrian")
    let s = i;
    while (s - 1 >= 0 && toks[s - 1]!.sent === t.sent && ['NOUN', 'PROPN', 'ADJ', 'PART'].includes(toks[s - 1]!.pos) && !isCue[s - 1]) s--;
    while (s < i && (toks[s]!.pos === 'ADJ' && !/^\p{Lu}/u.test(toks[s]!.text))) s++; // "repeated denials": no source
    if (s < i && s - 1 >= 0 && toks[s - 1]!.pos === 'DET' && toks[s - 1]!.sent === t.sent) s--;
    // "the ministry's denial": the source stops before the possessive marker
    const srcEnd = toks[i - 1]?.pos === 'PART' ? i - 2 : i - 1;
    const content: Piece[] = [{ start: toks[i + 2]!.start, end: toks[e]!.end }];
    out.push({
      source: s <= srcEnd ? { start: toks[s]!.start, end: toks[srcEnd]!.end } : null,
      cue: { start: t.start, end: t.end },
      content: content[0]!,
      stance: 'denies',
      claim: claimText(text, content),
    });
  }
  return out;
}

const FINDINGS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'studies', 'report', 'analysis', 'tally', 'census', 'forecast', 'projection', 'projections', 'estimate', 'estimates', 'findings', 'data', 'ranking', 'rankings', 'count', 'exit']);

/**
 * What a poll or study found, as news reports it: "In the new Fox poll, Trump leads by 10 points"
 * and "Trump has 45 percent support in a Fox News poll released Thursday" -> source: the poll
 * (with what follows it up to a comma), cue "in", content: the rest of the clause; the poll
 * asserts its finding. The taggers rarely learn this cue, and its sources are long. Conservative
 * by design: on train articles about half of its proposals match an annotated attribution.
 */
function pollFindings(text: string, toks: Token[], isCue: Uint8Array): Attribution[] {
  const out: Attribution[] = [];
  for (let i = 0; i < toks.length - 2; i++) {
    const t = toks[i]!;
    if (t.lower !== 'in' || isCue[i]) continue;
    const sent = t.sent;
    let s0 = i, s1 = i;
    while (s0 > 0 && toks[s0 - 1]!.sent === sent) s0--;
    while (s1 + 1 < toks.length && toks[s1 + 1]!.sent === sent) s1++;
    // "voters surveyed in the poll", "trailing in the polls": the poll is not what says it
    if (i > s0 && ['VERB', 'AUX'].includes(toks[i - 1]!.pos)) continue;
    // the noun phrase after "in": determiners, modifiers and nouns ("the new Morning Consult
    // poll", "an NBC News/Wall Street Journal survey"), then optionally a participle and its
    // complement without another verb ("conducted by the Times and ABC News", "released Monday")
    let e = i, participle = false;
    while (e + 1 <= s1) {
      const u = toks[e + 1]!;
      if (u.text === ',' || u.text === ';' || isQuote(u) || (e + 1 === s1 && isPunct(u))) break;
      const nominal = ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART'].includes(u.pos) || u.text === '/' || u.text === '-' || u.text === '’s' || u.text === "'s";
      if (!participle && u.pos === 'VERB' && /ed$/.test(u.lower) && e > i) { participle = true; e++; continue; }
      if (participle ? !(nominal || ['ADP', 'CCONJ'].includes(u.pos)) : !nominal) { e = -1; break; }
      e++;
    }
    if (e <= i) continue;
    // its head (the last noun before any participle) must be a finding, not an idiom
    let head = -1;
    for (let k = i + 1; k <= e && toks[k]!.pos !== 'VERB'; k++) if (['NOUN', 'PROPN'].includes(toks[k]!.pos)) head = k;
    if (head < 0 || !FINDINGS.has(toks[head]!.lower) || (toks[head - 1]?.lower === 'final' && toks[head]!.lower === 'analysis')) continue;
    const initial = i === s0 || (i === s0 + 1 && isQuote(toks[s0]!));
    let c0: number, c1: number;
    if (initial) {
      if (toks[e + 1]?.text !== ',') continue;
      c0 = e + 2; c1 = s1;
    } else {
      if (e !== s1 && !(e + 1 === s1 && isPunct(toks[s1]!)) && toks[e + 1]?.text !== ',') continue;
      c0 = s0; c1 = i - 1;
    }
    // the finding is a whole clause: not a subordinate or participle clause, not a fragment
    while (c0 <= c1 && (isPunct(toks[c0]!) || (toks[c0]!.pos === 'VERB' && /ed$/.test(toks[c0]!.lower) && initial))) {
      // "In the latest poll, conducted in May, Clinton led …": skip the participle up to its comma
      if (toks[c0]!.pos === 'VERB') { while (c0 <= c1 && toks[c0]!.text !== ',') c0++; }
      c0++;
    }
    if (c0 > c1 || ['SCONJ', 'ADP', 'VERB', 'AUX', 'ADV', 'CCONJ'].includes(toks[c0]!.pos) || /^(though|although|while|if|when|as|because|since|neither|evaluating)$/i.test(toks[c0]!.text)) continue;
    if (!toks.slice(c0, c1 + 1).some((u) => ['VERB', 'AUX'].includes(u.pos))) continue;
    // a clause holding another cue or a quotation is someone's statement, not the poll's finding
    let other = false;
    for (let k = c0; k <= c1; k++) if (isCue[k] || isQuote(toks[k]!)) other = true;
    if (other) continue;
    const [[a, b]] = trimRuns(toks, [[c0, c1]]) as [[number, number]];
    if (b - a < 2) continue;
    const content: Piece[] = [{ start: toks[a]!.start, end: toks[b]!.end }];
    out.push({ source: { start: toks[i + 1]!.start, end: toks[e]!.end }, cue: { start: t.start, end: t.end }, content: content[0]!, stance: 'asserts', claim: claimText(text, content) });
  }
  return out;
}

/**
 * "According to X, Y." when the role tagger found no content for the cue (it learnt "according
 * to" mostly from "…, he said, according to X" where the content lies before): X is the noun
 * phrase after "to" up to the comma, Y the rest of the sentence.
 */
function accordingToFallback(toks: Token[], c: CueSpan): [[number, number][], [number, number][]] | null {
  const k = toks.findIndex((t, i) => i >= c.a && i <= c.b && t.lower === 'according');
  if (k < 0 || toks[k + 1]?.lower !== 'to') return null;
  const sent = toks[k]!.sent;
  let s0 = k, s1 = k;
  while (s0 > 0 && toks[s0 - 1]!.sent === sent) s0--;
  while (s1 + 1 < toks.length && toks[s1 + 1]!.sent === sent) s1++;
  // the source: from after "to" to the next comma or the sentence's end
  let e = k + 2;
  while (e + 1 <= s1 && toks[e + 1]!.text !== ',' && !isPunct(toks[e + 1]!)) e++;
  if (k + 2 > s1) return null;
  // only the sentence-initial form: after the comma, the rest of the sentence is what X says
  if (k - s0 > 1 || toks[e + 1]?.text !== ',' || e + 2 > s1) return null;
  const [[a, b]] = trimRuns(toks, [[e + 2, s1]]) as [[number, number]];
  return b - a >= 2 ? [[[a, b]], [[k + 2, e]]] : null;
}

/**
 * When the role tagger finds no source for a cue, the sentence tagger's source nearest the cue in
 * the same sentence, outside the content ("…, adding that…" after "Mook refused to speculate").
 */
export function nearestTaggedSource(toks: Token[], joint: string[], c: CueSpan, content: [number, number][]): [number, number][] {
  const sent = toks[c.a]!.sent;
  const dist = ([a, b]: [number, number]) => (b < c.a ? c.a - b : a - c.b);
  const found = runs(joint, 'SRC').filter(([a, b]) => toks[a]!.sent === sent && (b < c.a || a > c.b) && !content.some(([x, y]) => a <= y && x <= b));
  return found.length ? [found.reduce((x, y) => (dist(y) < dist(x) ? y : x))] : [];
}

const firstStart = (s: Span) => (Array.isArray(s) ? s[0]!.start : s.start);

function toPieces(toks: Token[], rs: [number, number][]): Piece[] {
  return rs.map(([a, b]) => ({ start: toks[a]!.start, end: toks[b]!.end }));
}

/** Extract attributions (source, cue, content, stance, suggested claim) from an article's text. */
export function extractAttributions(text: string): Attribution[] {
  if (typeof text !== 'string') throw new TypeError('extractAttributions expects a string');
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) throw new IntakeInputTooLargeError(bytes);
  if (!text.trim()) return [];
  return extractWith(text, loadShippedModels());
}

const lastingCaches = new WeakMap<Perceptron, Map<number, Float64Array>[]>();

/**
 * The role tagger's emission scores for the cues of one document. Each group of role features
 * (see ROLE_GROUPS) is summed once per key and the sum reused: the same scores as
 * `model.scores(roleFeatures(…))`, at a fraction of the lookups (a token lies in many cues' windows).
 */
export class RoleScorer {
  private readonly caches: Map<number, Float64Array>[];
  private readonly cueLemmas = new Map<string, number>();

  constructor(private readonly model: Perceptron, private readonly toks: Token[], private readonly isCue: Uint8Array, private readonly joint?: string[]) {
    // caches of keys that mean the same in every document live as long as the model (bounded)
    let lasting = lastingCaches.get(model);
    if (!lasting) lastingCaches.set(model, (lasting = ROLE_GROUPS.map(() => new Map())));
    for (const c of lasting) if (c.size > 200_000) c.clear();
    this.caches = ROLE_GROUPS.map((g, k) => (g.scope === 'always' ? lasting[k]! : new Map<number, Float64Array>()));
  }

  /** Emission scores of the tokens of window [lo, hi) for cue c. */
  emissions(c: CueSpan, lo: number, hi: number): Float64Array[] {
    const { model, caches } = this, L = model.L;
    const view = new RoleView(this.toks, lo, hi, c, this.isCue, this.joint, this.cueLemmas);
    const em: Float64Array[] = [];
    for (let i = lo; i < hi; i++) {
      view.at(i);
      const s = model.bias.slice();
      for (let g = 0; g < caches.length; g++) {
        const key = view.keys[g]!;
        let w = caches[g]!.get(key);
        if (!w) caches[g]!.set(key, (w = model.add(new Float64Array(L), view.feats(g))));
        for (let l = 0; l < L; l++) s[l]! += w[l]!;
      }
      em.push(s);
    }
    return em;
  }
}

/** The extractor with explicit models (used by the trainer to evaluate). */
export function extractWith(text: string, m: Models, goldCues?: [number, number][][]): Attribution[] {
  const roleModel = m.role;
  const toks = tokenize(text);
  const detected = detectCues(toks, m);
  const joint = detected.joint;
  const cues = goldCues ? cuesFromPieces(toks, goldCues) : detected.cues;
  const isCue = new Uint8Array(toks.length);
  for (const c of cues) for (let i = c.a; i <= c.b; i++) isCue[i] = 1;
  const out: Attribution[] = [];
  for (const att of nominalDenials(text, toks, isCue)) out.push(att);
  for (const att of pollFindings(text, toks, isCue)) out.push(att);
  const scorer = new RoleScorer(roleModel, toks, isCue, joint);
  for (const c of cues) {
    const [lo, hi] = roleWindow(toks, c);
    const em = scorer.emissions(c, lo, hi);
    const lab = roleModel.decodeScores(em).map((k) => roleModel.labels[k]!);
    let contentRuns = runs(lab, 'CON', lo), sourceRuns = runs(lab, 'SRC', lo);
    if (contentRuns.length === 0) {
      const fb = accordingToFallback(toks, c);
      if (!fb) continue;
      [contentRuns, sourceRuns] = fb;
    }
    if (sourceRuns.length === 0 && joint) sourceRuns = nearestTaggedSource(toks, joint, c, contentRuns);
    const content = toPieces(toks, contentRuns);
    const source = toPieces(toks, completeSource(toks, trimRuns(toks, sourceRuns), isCue));
    const [[ca, cb]] = trimRuns(toks, [[c.a, c.b]]) as [[number, number]];
    const cuePiece: Piece = { start: toks[ca]!.start, end: toks[cb]!.end };
    const cueWords = toks.slice(c.a, c.b + 1).map((t) => t.lower);
    out.push({
      source: piecesToSpan(source),
      cue: cuePiece,
      content: piecesToSpan(content)!,
      stance: stanceOf(cueWords),
      claim: claimText(text, content, source),
    });
  }
  return out.sort((x, y) => firstStart(x.cue ?? x.content) - firstStart(y.cue ?? y.content));
}
