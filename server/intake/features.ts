/** Feature extraction for the two taggers: cue detection and per-cue source/content roles. */
import type { Token } from './tokens';
import { clusterOf } from './clusters';

const QUOTES = new Set(['"', '“', '”', '«', '»', "''", '``']);
export const isQuote = (t: Token | undefined) => !!t && QUOTES.has(t.text);

export { shape } from './tokens';

/** The sentence tagger's labels: every token as source, cue, content or none at once. */
export const JOINT_LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'];

/**
 * Static per-token cue-tagger features; with `joint` (the sentence tagger's label per token),
 * also that tagger's view of the token, its neighbours and its sentence (stacking).
 */
export function cueFeatures(toks: Token[], joint?: string[]): string[][] {
  const base = baseFeatures(toks);
  return joint ? stackJoint(toks, base, joint) : base;
}

/** The features both the sentence tagger and the cue tagger use. */
export function baseFeatures(toks: Token[]): string[][] {
  const n = toks.length;
  const W = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : toks[i]!.lower);
  const P = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : toks[i]!.pos);
  const L = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : toks[i]!.lemma);
  // the next/previous word that is not an adverb or particle, reduced to a class
  const cls = (k: number) => {
    const u = toks[k];
    if (!u) return 'none';
    if (isQuote(u)) return 'Q';
    if (u.lower === 'that' || u.lower === ':' || u.lower === ',' || u.lower === 'to' || u.lower === 'in' || u.lower === 'on' || u.lower === 'by' || u.lower === 'of') return u.lower;
    return u.pos;
  };
  const nextContent = (i: number) => { let k = i + 1; while (k < n && toks[k]!.sent === toks[i]!.sent && (toks[k]!.pos === 'ADV' || toks[k]!.pos === 'PART')) k++; return k < n && toks[k]!.sent === toks[i]!.sent ? cls(k) : 'end'; };
  const prevContent = (i: number) => { let k = i - 1; while (k >= 0 && toks[k]!.sent === toks[i]!.sent && (toks[k]!.pos === 'ADV' || toks[k]!.pos === 'AUX' || toks[k]!.pos === 'PART')) k--; return k >= 0 && toks[k]!.sent === toks[i]!.sent ? cls(k) : 'start'; };
  const sentQ: Record<number, string> = {};
  for (const t of toks) if (isQuote(t) || t.inQuote) sentQ[t.sent] = 'q'; else sentQ[t.sent] ??= '-';
  // a closing quote earlier in the same sentence ('"…," he said')
  const closeBefore = new Int8Array(n);
  for (let i = 0; i < n; i++) closeBefore[i] = i > 0 && toks[i - 1]!.sent === toks[i]!.sent ? (closeBefore[i - 1]! || (isQuote(toks[i - 1]) && !toks[i]!.inQuote ? 1 : 0)) : 0;
  const afterClose = (i: number) => String(closeBefore[i]);
  // a verb frame around the word: where the next verb is (a complement clause follows "said"),
  // and what stands before it in its clause (a subject: "officials said", not "to say")
  // (one pass each way, not a scan per token)
  const isVerb = (u: Token) => u.pos === 'VERB' || u.pos === 'AUX';
  const verbAt = new Int32Array(n).fill(-1); // distance to the next verb in the sentence, -1: none
  for (let i = n - 2; i >= 0; i--) {
    if (toks[i + 1]!.sent !== toks[i]!.sent) continue;
    verbAt[i] = isVerb(toks[i + 1]!) ? 1 : verbAt[i + 1]! < 0 ? -1 : verbAt[i + 1]! + 1;
  }
  const nextVerb = (i: number) => { const d = verbAt[i]!; return d < 0 ? 'none' : d === 1 ? '1' : d <= 3 ? '2' : d <= 6 ? '4' : '7'; };
  // the nearest noun or pronoun before the word with its distance, or what stops the search first
  const stopAt: string[] = new Array(n), nounAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = toks[i - 1];
    if (!u || u.sent !== toks[i]!.sent) { stopAt[i] = 'S'; continue; }
    if (u.pos === 'NOUN' || u.pos === 'PROPN' || u.pos === 'PRON') { stopAt[i] = u.pos; nounAt[i] = 1; }
    else if (isVerb(u)) stopAt[i] = 'V';
    else if (u.text === ',' || isQuote(u)) stopAt[i] = u.text === ',' ? ',' : 'Q';
    else { stopAt[i] = stopAt[i - 1]!; nounAt[i] = nounAt[i - 1]! ? nounAt[i - 1]! + 1 : 0; }
  }
  const subject = (i: number) => { const d = nounAt[i]!; return d ? stopAt[i]! + (d === 1 ? '1' : d <= 3 ? '2' : '4') : stopAt[i]!; };
  const cl = toks.map((t) => clusterOf(t.lower));
  const F = (i: number) => (i < 0 || i >= n ? '<>' : cl[i]![0]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const w = t.lower, p = t.pos;
    const [f, g] = cl[i]!;
    const sentStart = i === 0 || toks[i - 1]!.sent !== t.sent;
    const sentEnd = i === n - 1 || toks[i + 1]!.sent !== t.sent;
    let qPrev = false, qNext = false;
    for (let k = 1; k <= 3; k++) { if (isQuote(toks[i - k])) qPrev = true; if (isQuote(toks[i + k])) qNext = true; }
    const lex = REPORTING.has(t.lemma) ? 'R' : '-';
    const nx = nextContent(i), pv = prevContent(i), sq = sentQ[t.sent], aq = afterClose(i), vf = nextVerb(i), sb = subject(i);
    out.push([
      'b', 'w=' + w, 'l=' + t.lemma, 'p=' + p, 's3=' + w.slice(-3), 'p3=' + w.slice(0, 3), 'sh=' + t.shape,
      'w-1=' + W(i - 1), 'w+1=' + W(i + 1), 'w-2=' + W(i - 2), 'w+2=' + W(i + 2), 'w-3=' + W(i - 3), 'w+3=' + W(i + 3),
      'p-1=' + P(i - 1), 'p+1=' + P(i + 1), 'p-1p=' + P(i - 1) + '|' + p, 'pp+1=' + p + '|' + P(i + 1),
      'ww+1=' + w + '|' + W(i + 1), 'w-1w=' + W(i - 1) + '|' + w, 'lp+1=' + t.lemma + '|' + P(i + 1),
      'l-1l=' + L(i - 1) + '|' + t.lemma, 'll+1=' + t.lemma + '|' + L(i + 1),
      'p-2p-1p=' + P(i - 2) + '|' + P(i - 1) + '|' + p,
      'q=' + t.inQuote, 'qp=' + t.inQuote + '|' + p, 'ql=' + t.inQuote + '|' + t.lemma,
      'qa=' + qPrev + '|' + qNext, 'qal=' + qPrev + '|' + qNext + '|' + t.lemma,
      'ss=' + sentStart + '|' + sentEnd,
      // a reporting-verb lexicon generalises to verbs the train split has seldom seen
      'lex=' + lex, 'lexp=' + lex + '|' + p, 'lexnx=' + lex + '|' + nx, 'lexpv=' + lex + '|' + pv,
      'nx=' + nx, 'pv=' + pv, 'lnx=' + t.lemma + '|' + nx, 'lpv=' + t.lemma + '|' + pv,
      'sq=' + sq + '|' + p, 'sql=' + sq + '|' + lex + '|' + p, 'aq=' + aq + '|' + p, 'aql=' + aq + '|' + lex,
      // word clusters: what the word is like, and its neighbours
      'c=' + f, 'cc=' + g, 'c-1=' + F(i - 1), 'c+1=' + F(i + 1), 'cp=' + f + '|' + p, 'cnx=' + f + '|' + nx, 'cpv=' + f + '|' + pv, 'cq=' + g + '|' + t.inQuote,
      'vf=' + lex + '|' + p + '|' + vf, 'sb=' + lex + '|' + p + '|' + sb, 'sbvf=' + sb + '|' + p + '|' + vf, 'csb=' + f + '|' + sb, 'lsb=' + t.lemma + '|' + sb,
    ]);
  }
  return out;
}

/** The base features plus the sentence tagger's labels around each token (new arrays). */
export function stackJoint(toks: Token[], base: string[][], joint: string[]): string[][] {
  const stacked = jointContext(toks, joint);
  return base.map((fs, i) => [...fs, ...stacked[i]!]);
}

/** The sentence tagger's view of each token, its neighbours and its sentence (the stacked features). */
export function jointContext(toks: Token[], joint: string[]): string[][] {
  const n = toks.length;
  const J = (i: number) => (i < 0 || i >= n ? '<>' : joint[i]!);
  const has: Record<number, Set<string>> = {};
  for (let i = 0; i < n; i++) (has[toks[i]!.sent] ??= new Set()).add(joint[i]!.slice(2) || 'O');
  return toks.map((t, i) => {
    const js = ['SRC', 'CUE', 'CON'].map((r) => (has[t.sent]!.has(r) ? r[0] : '-')).join('');
    const j = J(i);
    return ['j=' + j, 'j-1=' + J(i - 1), 'j+1=' + J(i + 1), 'jjj=' + J(i - 1) + '|' + j + '|' + J(i + 1), 'jl=' + j + '|' + toks[i]!.lemma,
      'js=' + js, 'jsj=' + js + '|' + j, 'jlex=' + j + '|' + (REPORTING.has(t.lemma) ? 'R' : '-')];
  });
}

/** Verbs and nouns that commonly introduce what someone said, thought or reported. */
const REPORTING = new Set(`say tell add note claim argue insist warn suggest explain state report announce declare confirm deny reject dispute
admit acknowledge concede assert allege accuse charge blame believe think feel know expect hope fear worry predict estimate
write tweet post retweet publish testify recall describe call label dub brand term praise criticize criticise condemn slam blast
attack mock question ask wonder answer reply respond counter retort promise pledge vow threaten urge demand propose recommend
agree disagree complain lament boast brag joke quip muse observe remark comment mention point indicate show reveal
disclose find conclude determine decide learn hear read see imply hint speculate guess assume reckon consider regard
view perceive accept support oppose endorse back favor favour want plan intend seek try aim cite quote according statement
interview poll survey study analysis report data documents source sources spokesman spokeswoman spokesperson official
officials memo letter email emails message video footage announcement remarks speech comments testimony claim claims
allegation allegations accusation accusations criticism warning warnings belief view views opinion concern concerns`.split(/\s+/));

const BUCKETS = ['0', '1', '2', '3', '4-5', '6-10', '11-20', '21-40', '>40'];
const bucketIndex = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : d <= 40 ? 7 : 8);

export interface CueSpan { a: number; b: number } // token indices, inclusive

/**
 * Role features for every token of window [lo, hi) relative to the cue [a, b].
 * `isCue` marks tokens of any (other) cue in the document.
 */
export function roleFeatures(toks: Token[], lo: number, hi: number, cue: CueSpan, isCue: Uint8Array, joint?: string[]): string[][] {
  const view = new RoleView(toks, lo, hi, cue, isCue, joint);
  const out: string[][] = [];
  for (let i = lo; i < hi; i++) {
    view.at(i);
    const fs: string[] = [];
    for (let g = 0; g < ROLE_GROUPS.length; g++) fs.push(...view.feats(g));
    out.push(fs);
  }
  return out;
}

/**
 * The role features of a token for a cue come in groups, each a function of less than the token
 * and the cue together, with a numeric key that identifies what it depends on. The extractor sums
 * each group's weights once per key and reuses the sum (a token's features are scored for every
 * cue whose window holds it). `scope` says how long a key means the same features: within one
 * document, or always (for a given model; those keys are made of small closed sets).
 */
export const ROLE_GROUPS = [
  { name: 'token', scope: 'document' }, // the token and its neighbours, with the direction to the cue
  // the position (direction, sentence offset, distance, quotes/other cues/commas between) with the
  // token's tag, quoting and sentence start, the cue's quoting, and the sentence tagger's label
  { name: 'position', scope: 'always' },
  { name: 'cue words', scope: 'document' }, // the cue's lemmas with the position and the token's tag
  { name: 'cue context', scope: 'always' }, // what stands around the cue, with the position, tag and quoting
  { name: 'word', scope: 'document' }, // the token's word, direction and distance
] as const;

/** Small integers for closed sets of strings (part-of-speech tags, sentence-tagger labels, cue contexts). */
class Interned {
  private table = new Map<string, number>();
  constructor(private readonly max: number, private readonly what: string) {}
  id(s: string): number {
    let k = this.table.get(s);
    if (k === undefined) {
      if (this.table.size >= this.max) throw new Error(`role features: more than ${this.max} distinct ${this.what}`);
      this.table.set(s, (k = this.table.size));
    }
    return k;
  }
}
const TAGS = new Interned(64, 'tags');
const CONTEXTS = new Interned(1 << 16, 'cue contexts');

/** One cue's view of the tokens of its window: set a token with `at(i)`, then read keys and features. */
export class RoleView {
  private readonly cl: string;
  private readonly clId: number;
  private readonly cueCtx: string;
  private readonly ctxId: number;
  private readonly cueInQ: boolean;
  private readonly cueCount: Int32Array;
  private readonly quoteCount: Int32Array;
  private readonly punctCount: Int32Array;
  // the current token
  private i = 0;
  private dir: 'B' | 'A' | 'C' = 'B';
  private so = 0;
  private bk = 0;
  private oc = 0;
  private qb = 0;
  private pb = 0;
  /** The current token's key per group (see ROLE_GROUPS). */
  readonly keys = new Array<number>(ROLE_GROUPS.length).fill(0);

  /** `cueWords` numbers the cues' lemma strings within one document (keys of the 'cue words' group). */
  constructor(private readonly toks: Token[], private readonly lo: number, private readonly hi: number, private readonly cue: CueSpan, private readonly isCue: Uint8Array, private readonly joint?: string[], cueWords = new Map<string, number>()) {
    const { a, b } = cue;
    this.cl = toks.slice(a, b + 1).map((t) => t.lemma).join('_');
    if (!cueWords.has(this.cl)) cueWords.set(this.cl, cueWords.size);
    this.clId = cueWords.get(this.cl)!;
    const W = (i: number) => (i < 0 || i >= toks.length ? '<>' : toks[i]!.lower);
    const P = (i: number) => (i < 0 || i >= toks.length ? '<>' : toks[i]!.pos);
    const before = W(a - 1), after = W(b + 1);
    this.cueCtx = `${isQuote(toks[a - 1]) || before === ',' ? 'q,' : P(a - 1)}>${after === 'that' ? 'that' : isQuote(toks[b + 1]) ? 'Q' : P(b + 1)}`;
    this.ctxId = CONTEXTS.id(this.cueCtx);
    this.cueInQ = toks[a]!.inQuote;
    // prefix counts of other cues' tokens, quote marks and commas, to count "between" quickly
    const m = hi - lo + 1;
    this.cueCount = new Int32Array(m); this.quoteCount = new Int32Array(m); this.punctCount = new Int32Array(m);
    for (let i = lo; i < hi; i++) {
      const k = i - lo, t = toks[i]!;
      this.cueCount[k + 1] = this.cueCount[k]! + (isCue[i] && (i < a || i > b) ? 1 : 0);
      this.quoteCount[k + 1] = this.quoteCount[k]! + (isQuote(t) ? 1 : 0);
      this.punctCount[k + 1] = this.punctCount[k]! + (t.text === ',' || t.text === ';' || t.text === ':' ? 1 : 0);
    }
  }

  /** How many of the counted tokens lie in [x, y) (clamped to the window). No closures: this is hot. */
  private between(arr: Int32Array, x: number, y: number): number {
    const lo = this.lo, hi = this.hi;
    return arr[Math.max(lo, Math.min(hi, y)) - lo]! - arr[Math.max(lo, Math.min(hi, x)) - lo]!;
  }

  /** Make token i the current one and compute its group keys. */
  at(i: number): void {
    const { a, b } = this.cue, toks = this.toks, t = toks[i]!;
    this.i = i;
    const dir = (this.dir = i < a ? 'B' : i > b ? 'A' : 'C');
    const dirId = dir === 'B' ? 0 : dir === 'A' ? 1 : 2;
    this.so = Math.max(-3, Math.min(3, t.sent - toks[a]!.sent));
    this.bk = bucketIndex(i < a ? a - i : i > b ? i - b : 0);
    const oc = dir === 'B' ? this.between(this.cueCount, i + 1, a) : dir === 'A' ? this.between(this.cueCount, b + 1, i) : 0;
    this.oc = oc === 0 ? 0 : oc < 3 ? 1 : 2;
    this.qb = Math.min(3, dir === 'B' ? this.between(this.quoteCount, i + 1, a) : dir === 'A' ? this.between(this.quoteCount, b + 1, i) : 0);
    this.pb = Math.min(2, dir === 'B' ? this.between(this.punctCount, i + 1, a) : dir === 'A' ? this.between(this.punctCount, b + 1, i) : 0);
    const at = dirId * 7 + this.so + 3; // 0..20
    const position = at * 9 + this.bk; // 0..188
    const pos = TAGS.id(t.pos), inQ = t.inQuote ? 1 : 0;
    const j = this.joint ? TAGS.id(this.joint[i]!) : 64;
    const sentStart = i === 0 || toks[i - 1]!.sent !== t.sent ? 1 : 0;
    const k = this.keys;
    k[0] = i * 3 + dirId;
    const between = ((position * 4 + this.qb) * 3 + this.oc) * 3 + this.pb; // < 6804
    k[1] = ((((between * 64 + pos) * 2 + inQ) * 2 + sentStart) * 2 + (this.cueInQ ? 1 : 0)) * 65 + j;
    k[2] = (this.clId * 189 + position) * 64 + pos;
    k[3] = ((this.ctxId * 21 + at) * 64 + pos) * 2 + inQ;
    k[4] = (i * 3 + dirId) * 9 + this.bk;
  }

  /** The current token's features of group g. */
  feats(g: number): string[] {
    const toks = this.toks, i = this.i, t = toks[i]!, dir = this.dir, D = dir + this.so, bk = BUCKETS[this.bk]!;
    const ocb = this.oc === 0 ? '0' : this.oc === 1 ? '1' : '3', qbb = String(this.qb), pbb = String(this.pb);
    const J = (k: number) => (k < 0 || k >= toks.length ? '<>' : this.joint![k]!);
    switch (g) {
      case 0: {
        const W = (k: number) => (k < 0 || k >= toks.length ? '<>' : toks[k]!.lower);
        const P = (k: number) => (k < 0 || k >= toks.length ? '<>' : toks[k]!.pos);
        const selfCue = this.isCue[i] && dir !== 'C' ? 1 : 0;
        const fs = [
          'b' + dir, 'w=' + dir + t.lower, 'p=' + dir + t.pos, 'sh=' + dir + t.shape, 'pp-1=' + dir + P(i - 1) + t.pos, 'pp+1=' + dir + t.pos + P(i + 1),
          'w-1=' + dir + W(i - 1), 'w+1=' + dir + W(i + 1), 'self=' + dir + selfCue + t.pos, 'c=' + dir + clusterOf(t.lower)[0],
        ];
        if (this.joint) fs.push('j=' + dir + J(i), 'jjj=' + dir + J(i - 1) + '|' + J(i) + '|' + J(i + 1), 'jp=' + dir + J(i) + t.pos);
        return fs;
      }
      case 1: {
        const sentStart = i === 0 || toks[i - 1]!.sent !== t.sent;
        const fs = [
          'so=' + D, 'sop=' + D + t.pos, 'q=' + D + t.inQuote, 'ss=' + D + sentStart,
          'bk=' + dir + bk, 'sobk=' + D + bk, 'qb=' + D + qbb, 'oc=' + D + ocb, 'pb=' + D + pbb, 'pbbk=' + dir + pbb + bk,
          'pbk=' + dir + t.pos + bk, 'qq=' + D + t.inQuote + this.cueInQ, 'qbq=' + D + qbb + t.inQuote, 'ocp=' + dir + ocb + t.pos, 'pbp=' + dir + pbb + t.pos, 'sameQ=' + D + (t.inQuote === this.cueInQ),
        ];
        if (this.joint) fs.push('jso=' + D + J(i), 'jbk=' + dir + bk + J(i), 'joc=' + D + ocb + J(i));
        return fs;
      }
      case 2: {
        const cl = this.cl;
        return ['cl=' + cl + dir, 'clso=' + cl + D, 'clbk=' + cl + dir + bk, 'clp=' + cl + dir + t.pos];
      }
      case 3: {
        const ctx = this.cueCtx;
        return ['ctx=' + ctx + D, 'ctxp=' + ctx + dir + t.pos, 'ctxq=' + ctx + D + t.inQuote];
      }
      default: return ['w=' + dir + t.lower + bk];
    }
  }
}

/** The token window in which a cue's source and content are searched. */
export function roleWindow(toks: Token[], cue: CueSpan, before = 2, after = 3, maxTok = 300): [number, number] {
  const cs = toks[cue.a]!.sent;
  let lo = cue.a, hi = cue.b + 1;
  while (lo > 0 && toks[lo - 1]!.sent >= cs - before && cue.a - lo < maxTok / 2) lo--;
  while (hi < toks.length && toks[hi]!.sent <= cs + after && hi - cue.b < maxTok) hi++;
  return [lo, hi];
}
