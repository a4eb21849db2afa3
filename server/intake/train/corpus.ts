/** Reads a PolNeAR split (brat standoff) for training and evaluation. Never shipped data. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type Piece = [number, number];

/** Whether a token overlaps any of the gold pieces. */
export const overlaps = (t: { start: number; end: number }, ps: Piece[]) => ps.some(([s, e]) => t.start < e && s < t.end);
export interface GoldAttribution { source: Piece[]; cue: Piece[]; content: Piece[] }
export interface Article { name: string; text: string; gold: GoldAttribution[] }

export function readSplit(dir: string, limit = Infinity): Article[] {
  const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  const anns = readdirSync(join(dir, 'attributions')).sort();
  const out: Article[] = [];
  for (const file of texts) {
    const name = basename(file, '.txt');
    const ann = anns.find((a) => a.startsWith(name + '_') && a.endsWith('.ann'));
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    out.push({ name, text, gold: readAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')) });
  }
  return out;
}

function readAnn(src: string): GoldAttribution[] {
  const spans = new Map<string, Piece[]>();
  const rels: Record<string, string>[] = [];
  for (const line of src.split('\n')) {
    const [id, head] = line.split('\t');
    if (!id || !head) continue;
    if (id.startsWith('T')) {
      const [, ...rest] = head.split(' ');
      spans.set(id, rest.join(' ').split(';').map((p) => p.split(' ').map(Number) as Piece));
    } else if (id.startsWith('E')) {
      rels.push(Object.fromEntries(head.split(' ').map((p) => p.split(':'))));
    }
  }
  return rels
    .filter((r) => r.Content && spans.has(r.Content))
    .map((r) => ({ source: spans.get(r.Source ?? '') ?? [], cue: spans.get(r.Cue ?? '') ?? [], content: spans.get(r.Content!)! }));
}
