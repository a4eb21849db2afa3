/**
 * Error analysis on held-out train articles (never dev):
 *   node --import tsx server/intake/train/analyze.ts MODEL.json.gz [--holdout 80]
 * Prints the scores with predicted cues and with gold cues (oracle), to show whether cue
 * detection or role tagging limits the figures.
 */
import { fileURLToPath } from 'node:url';
import { detectCues, extractWith, loadModels, readModelFile, runs } from '../extract';
import { roleFeatures, roleWindow } from '../features';
import { tokenize } from '../tokens';
import { readSplit } from './corpus';
import { Scorer } from './score';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const corpus = opt('--corpus', fileURLToPath(new URL('../../../../shared/polnear/train', import.meta.url)));
const holdout = Number(opt('--holdout', '80'));
const models = loadModels(readModelFile(args[0]!));
// --cue-bias B / --con-bias C: decode with other offsets than the model's (to see the trade-off)
if (args.includes('--cue-bias')) models.cue.bias = Float64Array.from([0, Number(opt('--cue-bias', '0')), Number(opt('--cue-bias', '0')) / 2]);
if (args.includes('--con-bias')) models.role.bias = Float64Array.from([0, 0, 0, Number(opt('--con-bias', '0')), Number(opt('--con-bias', '0'))]);
const all = readSplit(corpus);
const held = all.slice(all.length - holdout);
const sc = new Scorer();
const oracle = new Scorer();
for (const a of held) {
  sc.add(a, extractWith(a.text, models));
  oracle.add(a, extractWith(a.text, models, a.gold.filter((g) => g.cue.length).map((g) => g.cue)));
}
console.log('predicted cues:\n' + sc.summary());
console.log('gold cues (oracle):\n' + oracle.summary());

if (args.includes('--cues')) {
  // Which cue phrases are missed (gold, no predicted cue overlapping) and which are spurious.
  const missed = new Map<string, number>(), spurious = new Map<string, number>(), hit = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of held) {
    const pred = extractWith(a.text, models).filter((p) => p.cue).map((p) => (Array.isArray(p.cue) ? p.cue : [p.cue!]).map((x) => [x.start, x.end] as [number, number]));
    const gold = a.gold.filter((g) => g.cue.length).map((g) => g.cue);
    const ov = (x: [number, number][], y: [number, number][]) => x.some(([s, e]) => y.some(([s2, e2]) => s < e2 && s2 < e));
    const txt = (x: [number, number][]) => x.map(([s, e]) => a.text.slice(s, e)).join(' … ').toLowerCase().replace(/\s+/g, ' ');
    for (const g of gold) bump(pred.some((p) => ov(p, g)) ? hit : missed, txt(g));
    for (const p of pred) if (!gold.some((g) => ov(p, g))) bump(spurious, txt(p));
  }
  const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 60).map(([k, v]) => `${v} ${k}`).join(' | ');
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  console.log(`hit ${sum(hit)}, missed ${sum(missed)}, spurious ${sum(spurious)}`);
  console.log('MISSED: ' + top(missed));
  console.log('SPURIOUS: ' + top(spurious));
  if (args.includes('--examples')) {
    for (const a of held.slice(0, 10)) {
      const pred = extractWith(a.text, models).filter((p) => p.cue).map((p) => (Array.isArray(p.cue) ? p.cue : [p.cue!]).map((x) => [x.start, x.end] as [number, number]));
      for (const g of a.gold.filter((g) => g.cue.length)) {
        if (pred.some((p) => p.some(([s, e]) => g.cue.some(([s2, e2]) => s < e2 && s2 < e)))) continue;
        const s0 = Math.max(0, g.cue[0]![0] - 120), e0 = g.cue[0]![1] + 80;
        console.log(`--- missed "${g.cue.map(([s, e]) => a.text.slice(s, e)).join('…')}": ${a.text.slice(s0, e0).replace(/\s+/g, ' ')}`);
      }
    }
  }
}

if (args.includes('--src')) {
  // Source-token errors split by whether the attribution itself was found.
  const tok = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((x) => [x.index!, x.index! + x[0].length] as [number, number]);
  const c = { fnMatched: 0, fnMissed: 0, fpMatched: 0, fpSpurious: 0, tp: 0 };
  const ex: string[] = [];
  for (const a of held) {
    const tokens = tok(a.text);
    const inS = (ps: [number, number][]) => new Set(tokens.flatMap(([s, e], i) => (ps.some(([x, y]) => s < y && x < e) ? [i] : [])));
    const pred = extractWith(a.text, models).map((p) => ({ src: inS(p.source ? (Array.isArray(p.source) ? p.source : [p.source]).map((x) => [x.start, x.end] as [number, number]) : []), con: inS((Array.isArray(p.content) ? p.content : [p.content]).map((x) => [x.start, x.end] as [number, number])) }));
    const gold = a.gold.map((g) => ({ src: inS(g.source), con: inS(g.content) }));
    const dice = (x: Set<number>, y: Set<number>) => { let k = 0; for (const t of x) if (y.has(t)) k++; return x.size + y.size ? (2 * k) / (x.size + y.size) : 1; };
    const gMatch = gold.map((g) => pred.findIndex((p) => dice(p.con, g.con) >= 0.5));
    const pMatch = pred.map((p) => gold.findIndex((g) => dice(p.con, g.con) >= 0.5));
    const gAll = new Set(gold.flatMap((g) => [...g.src])), pAll = new Set(pred.flatMap((p) => [...p.src]));
    for (const t of gAll) {
      if (pAll.has(t)) { c.tp++; continue; }
      const owners = gold.map((g, j) => (g.src.has(t) ? j : -1)).filter((j) => j >= 0);
      if (owners.some((j) => gMatch[j]! >= 0)) {
        c.fnMatched++;
        if (ex.length < 40) { const j = owners.find((j) => gMatch[j]! >= 0)!; const p = pred[gMatch[j]!]!; ex.push(`gold "${[...gold[j]!.src].map((i) => a.text.slice(...tokens[i]!)).join(' ')}" pred "${[...p.src].map((i) => a.text.slice(...tokens[i]!)).join(' ')}"`); }
      } else c.fnMissed++;
    }
    for (const t of pAll) {
      if (gAll.has(t)) continue;
      const owners = pred.map((p, i) => (p.src.has(t) ? i : -1)).filter((i) => i >= 0);
      if (owners.some((i) => pMatch[i]! >= 0)) c.fpMatched++; else c.fpSpurious++;
    }
  }
  console.log(c);
  console.log(ex.join('\n'));
}

if (args.includes('--srcfp')) {
  // Matched attributions whose predicted source has tokens outside every gold source.
  const tok = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((x) => [x.index!, x.index! + x[0].length] as [number, number]);
  const pieces = (s: unknown) => (s == null ? [] : Array.isArray(s) ? s : [s]).map((x: { start: number; end: number }) => [x.start, x.end] as [number, number]);
  let shown = 0;
  const kinds = new Map<string, number>();
  for (const a of held) {
    const tokens = tok(a.text);
    const inS = (ps: [number, number][]) => new Set(tokens.flatMap(([s, e], i) => (ps.some(([x, y]) => s < y && x < e) ? [i] : [])));
    const gold = a.gold.map((g) => ({ src: inS(g.source), con: inS(g.content), cue: g.cue }));
    const gAll = new Set(gold.flatMap((g) => [...g.src]));
    const dice = (x: Set<number>, y: Set<number>) => { let k = 0; for (const t of x) if (y.has(t)) k++; return x.size + y.size ? (2 * k) / (x.size + y.size) : 1; };
    for (const p of extractWith(a.text, models)) {
      const ps = inS(pieces(p.source)), pc = inS(pieces(p.content));
      const g = gold.find((g) => dice(pc, g.con) >= 0.5);
      if (!g) continue;
      const extra = [...ps].filter((t) => !gAll.has(t));
      if (!extra.length) continue;
      const kind = g.src.size === 0 ? 'gold-no-source' : [...ps].some((t) => g.src.has(t)) ? 'overlong' : 'other-source';
      kinds.set(kind, (kinds.get(kind) ?? 0) + extra.length);
      if (shown++ < 30) console.log(`${kind}: pred "${[...ps].map((i) => a.text.slice(...tokens[i]!)).join(' ')}" gold "${[...g.src].map((i) => a.text.slice(...tokens[i]!)).join(' ')}" cue "${g.cue.map(([s, e]) => a.text.slice(s, e)).join('…')}"`);
    }
  }
  console.log(kinds);
}

if (args.includes('--dropped')) {
  // Cues the cue tagger found for which the role tagger found no content (dropped), by gold status.
  const stat = new Map<string, number>();
  const bump = (k: string) => stat.set(k, (stat.get(k) ?? 0) + 1);
  for (const a of held) {
    const toks = tokenize(a.text);
    const { cues, joint } = detectCues(toks, models);
    const isCue = new Uint8Array(toks.length);
    for (const c of cues) for (let i = c.a; i <= c.b; i++) isCue[i] = 1;
    for (const c of cues) {
      const [lo, hi] = roleWindow(toks, c);
      const lab = models.role.decode(roleFeatures(toks, lo, hi, c, isCue, joint)).map((k) => models.role.labels[k]!);
      const hasContent = runs(lab, 'CON', lo).length > 0;
      const s = toks[c.a]!.start, e = toks[c.b]!.end;
      const gold = a.gold.some((g) => g.cue.some(([x, y]) => x < e && s < y));
      bump(`${gold ? 'gold' : 'spurious'} ${hasContent ? 'kept' : 'dropped'}`);
      if (gold && !hasContent && (stat.get('shown') ?? 0) < 25) { bump('shown'); console.log(`dropped "${a.text.slice(s, e)}": ${a.text.slice(Math.max(0, s - 150), e + 60).replace(/\s+/g, ' ')}`); }
    }
  }
  console.log(stat);
}
