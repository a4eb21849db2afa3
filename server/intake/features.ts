/** Feature extraction for the two taggers: cue detection and per-cue source/content roles. */
import type { Token } from './tokens';

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
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const w = t.lower, p = t.pos;
    const sentStart = i === 0 || toks[i - 1]!.sent !== t.sent;
    const sentEnd = i === n - 1 || toks[i + 1]!.sent !== t.sent;
    let qPrev = false, qNext = false;
    for (let k = 1; k <= 3; k++) { if (isQuote(toks[i - k])) qPrev = true; if (isQuote(toks[i + k])) qNext = true; }
    const lex = REPORTING.has(t.lemma) ? 'R' : '-';
    const nx = nextContent(i), pv = prevContent(i), sq = sentQ[t.sent], aq = afterClose(i);
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
    ]);
  }
  return out;
}

/** The base features plus the sentence tagger's labels around each token (new arrays). */
export function stackJoint(toks: Token[], base: string[][], joint: string[]): string[][] {
  const n = toks.length;
  const J = (i: number) => (i < 0 || i >= n ? '<>' : joint[i]!);
  const has: Record<number, Set<string>> = {};
  for (let i = 0; i < n; i++) (has[toks[i]!.sent] ??= new Set()).add(joint[i]!.slice(2) || 'O');
  return base.map((fs, i) => {
    const js = ['SRC', 'CUE', 'CON'].map((r) => (has[toks[i]!.sent]!.has(r) ? r[0] : '-')).join('');
    const j = J(i);
    return [...fs, 'j=' + j, 'j-1=' + J(i - 1), 'j+1=' + J(i + 1), 'jjj=' + J(i - 1) + '|' + j + '|' + J(i + 1), 'jl=' + j + '|' + toks[i]!.lemma,
      'js=' + js, 'jsj=' + js + '|' + j, 'jlex=' + j + '|' + (REPORTING.has(toks[i]!.lemma) ? 'R' : '-')];
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
const bucket = (d: number) => BUCKETS[bucketIndex(d)]!;

export interface CueSpan { a: number; b: number } // token indices, inclusive

/**
 * Role features for every token of window [lo, hi) relative to the cue [a, b].
 * `isCue` marks tokens of any (other) cue in the document.
 */
export function roleFeatures(toks: Token[], lo: number, hi: number, cue: CueSpan, isCue: Uint8Array, joint?: string[]): string[][] {
  return roleFeatureParts(toks, lo, hi, cue, isCue, joint).map((p) => [...p.own, ...p.groups.flatMap((g) => g.feats())]);
}

/**
 * Role features of one token for one cue: those that depend on both (`own`), and three groups
 * that depend on less, each with a key, so the extractor can score a group once per key:
 * `groups[0]` the token and its position (direction, sentence offset), keyed within the document;
 * `groups[1]` the position alone (direction, sentence offset, distance, quotes/cues/commas
 * between), keyed within the document; `groups[2]` the cue and the position, keyed within one cue.
 */
export interface RoleFeatureParts {
  own: string[];
  groups: [RoleFeatureGroup, RoleFeatureGroup, RoleFeatureGroup];
}
export interface RoleFeatureGroup { key: number; feats: () => string[] }


export function roleFeatureParts(toks: Token[], lo: number, hi: number, cue: CueSpan, isCue: Uint8Array, joint?: string[]): RoleFeatureParts[] {
  const { a, b } = cue;
  const cl = toks.slice(a, b + 1).map((t) => t.lemma).join('_');
  const W = (i: number) => (i < 0 || i >= toks.length ? '<>' : toks[i]!.lower);
  const P = (i: number) => (i < 0 || i >= toks.length ? '<>' : toks[i]!.pos);
  // cue context
  const before = W(a - 1), after = W(b + 1);
  const cueCtx = `${isQuote(toks[a - 1]) || before === ',' ? 'q,' : P(a - 1)}>${after === 'that' ? 'that' : isQuote(toks[b + 1]) ? 'Q' : P(b + 1)}`;
  const cueInQ = toks[a]!.inQuote;
  // prefix counts of cue tokens and quote marks to count "between" quickly
  const n = toks.length;
  const cueCount = new Int32Array(n + 1), quoteCount = new Int32Array(n + 1), punctCount = new Int32Array(n + 1);
  for (let i = lo; i < hi; i++) {
    cueCount[i + 1] = cueCount[i]! + (isCue[i] && (i < a || i > b) ? 1 : 0);
    quoteCount[i + 1] = quoteCount[i]! + (isQuote(toks[i]) ? 1 : 0);
    punctCount[i + 1] = punctCount[i]! + (toks[i]!.text === ',' || toks[i]!.text === ';' || toks[i]!.text === ':' ? 1 : 0);
  }
  const rng = (arr: Int32Array, x: number, y: number) => arr[Math.max(lo, Math.min(hi, y))]! - arr[Math.max(lo, Math.min(hi, x))]!;
  const out: RoleFeatureParts[] = [];
  for (let i = lo; i < hi; i++) {
    const t = toks[i]!;
    const { dir, so } = rolePosition(toks, i, cue);
    const d = i < a ? a - i : i > b ? i - b : 0;
    const bk = bucket(d);
    const oc = dir === 'B' ? rng(cueCount, i + 1, a) : dir === 'A' ? rng(cueCount, b + 1, i) : 0;
    const ocb = oc === 0 ? '0' : oc < 3 ? '1' : '3';
    const qb = Math.min(3, dir === 'B' ? rng(quoteCount, i + 1, a) : dir === 'A' ? rng(quoteCount, b + 1, i) : 0);
    const pb = Math.min(2, dir === 'B' ? rng(punctCount, i + 1, a) : dir === 'A' ? rng(punctCount, b + 1, i) : 0);
    const qbb = String(qb), pbb = String(pb);
    const D = dir + so;
    const own = [
      'pbk=' + dir + t.pos + bk, 'qq=' + D + t.inQuote + cueInQ, 'qbq=' + D + qbb + t.inQuote,
      'clp=' + cl + dir + t.pos, 'ocp=' + dir + ocb + t.pos, 'pbp=' + dir + pbb + t.pos,
      'ctxp=' + cueCtx + dir + t.pos, 'ctxq=' + cueCtx + D + t.inQuote, 'sameQ=' + D + (t.inQuote === cueInQ),
      'w=' + dir + t.lower + bk,
    ];
    if (joint) own.push('jbk=' + dir + bk + joint[i]!, 'joc=' + D + ocb + joint[i]!);
    const at = (dir === 'B' ? 0 : dir === 'A' ? 1 : 2) * 7 + so + 3; // 0..20
    const position = at * 9 + bucketIndex(d); // 0..188
    out.push({
      own,
      groups: [
        { key: i * 21 + at, feats: () => roleTokenFeatures(toks, i, dir, so, isCue, joint) },
        {
          key: ((position * 4 + qb) * 3 + (oc === 0 ? 0 : oc < 3 ? 1 : 2)) * 3 + pb,
          feats: () => ['bk=' + dir + bk, 'sobk=' + D + bk, 'qb=' + D + qbb, 'oc=' + D + ocb, 'pb=' + D + pbb, 'pbbk=' + dir + pbb + bk],
        },
        { key: position, feats: () => ['cl=' + cl + dir, 'clso=' + cl + D, 'clbk=' + cl + dir + bk, 'ctx=' + cueCtx + D] },
      ],
    });
  }
  return out;
}

/** Where a token lies relative to a cue: before/after/in it, and how many sentences away (±3). */
function rolePosition(toks: Token[], i: number, cue: CueSpan): { dir: 'B' | 'A' | 'C'; so: number } {
  return { dir: i < cue.a ? 'B' : i > cue.b ? 'A' : 'C', so: Math.max(-3, Math.min(3, toks[i]!.sent - toks[cue.a]!.sent)) };
}

/** The role features of a token that depend only on it and its direction and sentence offset. */
function roleTokenFeatures(toks: Token[], i: number, dir: string, so: number, isCue: Uint8Array, joint?: string[]): string[] {
  const t = toks[i]!;
  const W = (k: number) => (k < 0 || k >= toks.length ? '<>' : toks[k]!.lower);
  const P = (k: number) => (k < 0 || k >= toks.length ? '<>' : toks[k]!.pos);
  const D = dir + so;
  const selfCue = isCue[i] && dir !== 'C' ? 1 : 0;
  const sentStart = i === 0 || toks[i - 1]!.sent !== t.sent;
  const fs = [
    'b' + dir, 'so=' + D, 'w=' + dir + t.lower, 'p=' + dir + t.pos, 'sop=' + D + t.pos, 'sh=' + dir + t.shape,
    'q=' + D + t.inQuote, 'pp-1=' + dir + P(i - 1) + t.pos, 'pp+1=' + dir + t.pos + P(i + 1),
    'w-1=' + dir + W(i - 1), 'w+1=' + dir + W(i + 1), 'self=' + dir + selfCue + t.pos, 'ss=' + D + sentStart,
  ];
  if (joint) {
    const J = (k: number) => (k < 0 || k >= toks.length ? '<>' : joint[k]!);
    const j = J(i);
    fs.push('j=' + dir + j, 'jso=' + D + j, 'jjj=' + dir + J(i - 1) + '|' + j + '|' + J(i + 1), 'jp=' + dir + j + t.pos);
  }
  return fs;
}

/** The token window in which a cue's source and content are searched. */
export function roleWindow(toks: Token[], cue: CueSpan, before = 2, after = 3, maxTok = 300): [number, number] {
  const cs = toks[cue.a]!.sent;
  let lo = cue.a, hi = cue.b + 1;
  while (lo > 0 && toks[lo - 1]!.sent >= cs - before && cue.a - lo < maxTok / 2) lo--;
  while (hi < toks.length && toks[hi]!.sent <= cs + after && hi - cue.b < maxTok) hi++;
  return [lo, hi];
}
