/** In-process re-implementation of shared/tools/score-attributions.mjs, for fast iteration. */
import type { Attribution, Span } from '../extract';
import type { Article, Piece } from './corpus';

const tokenizeScore = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index!, m.index! + m[0].length] as Piece);
const asSpans = (s: Span | null): Piece[] => (s == null ? [] : Array.isArray(s) ? s : [s]).map((x) => [x.start, x.end]);
const tokensIn = (tokens: Piece[], spans: Piece[]) => {
  const out = new Set<number>();
  tokens.forEach(([a, b], i) => { if (spans.some(([s, e]) => a < e && s < b)) out.add(i); });
  return out;
};
const dice = (x: Set<number>, y: Set<number>) => {
  if (x.size === 0 && y.size === 0) return 1;
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return (2 * inter) / (x.size + y.size);
};
const ROLES = ['source', 'cue', 'content'] as const;

export class Scorer {
  count = Object.fromEntries(ROLES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof ROLES)[number], { tp: number; fp: number; fn: number }>;
  attr = { gold: 0, pred: 0, match: 0, matchSource: 0 };
  add(article: Article, predicted: Attribution[]) {
    const tokens = tokenizeScore(article.text);
    const gold = article.gold.map((g) => ({ source: tokensIn(tokens, g.source), cue: tokensIn(tokens, g.cue), content: tokensIn(tokens, g.content) }));
    const pred = predicted.map((p) => ({ source: tokensIn(tokens, asSpans(p.source)), cue: tokensIn(tokens, asSpans(p.cue)), content: tokensIn(tokens, asSpans(p.content)) }));
    for (const role of ROLES) {
      const g = new Set(gold.flatMap((x) => [...x[role]]));
      const p = new Set(pred.flatMap((x) => [...x[role]]));
      for (const t of p) (g.has(t) ? this.count[role].tp++ : this.count[role].fp++);
      for (const t of g) if (!p.has(t)) this.count[role].fn++;
    }
    const pairs: [number, number, number][] = [];
    pred.forEach((p, i) => gold.forEach((g, j) => { const d = dice(p.content, g.content); if (d >= 0.5) pairs.push([d, i, j]); }));
    pairs.sort((a, b) => b[0] - a[0]);
    const uP = new Set<number>(), uG = new Set<number>();
    for (const [, i, j] of pairs) {
      if (uP.has(i) || uG.has(j)) continue;
      uP.add(i); uG.add(j);
      this.attr.match++;
      const ps = pred[i]!.source, gs = gold[j]!.source;
      if ((ps.size === 0 && gs.size === 0) || dice(ps, gs) > 0) this.attr.matchSource++;
    }
    this.attr.gold += gold.length;
    this.attr.pred += pred.length;
  }
  f1() {
    const f = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
    const c = this.count, a = this.attr;
    return { source: f(c.source.tp, c.source.fp, c.source.fn), content: f(c.content.tp, c.content.fp, c.content.fn), cue: f(c.cue.tp, c.cue.fp, c.cue.fn), attribution: f(a.match, a.pred - a.match, a.gold - a.match) };
  }
  summary(): string {
    const prf = (tp: number, fp: number, fn: number) => {
      const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
      return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
    };
    const f = (x: { p: number; r: number; f: number }) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}`;
    const c = this.count;
    const at = prf(this.attr.match, this.attr.pred - this.attr.match, this.attr.gold - this.attr.match);
    const ats = prf(this.attr.matchSource, this.attr.pred - this.attr.matchSource, this.attr.gold - this.attr.matchSource);
    return [
      `source  ${f(prf(c.source.tp, c.source.fp, c.source.fn))}`,
      `cue     ${f(prf(c.cue.tp, c.cue.fp, c.cue.fn))}`,
      `content ${f(prf(c.content.tp, c.content.fp, c.content.fn))}`,
      `attrib  ${f(at)} (gold ${this.attr.gold}, pred ${this.attr.pred})   +src ${f(ats)}`,
    ].join('\n');
  }
}
