/**
 * The sentence tagger: labels every token of a sentence at once as source, cue, content or none
 * (PolNeAR's annotation is univocal: each token has one role), over the cue tagger's base
 * features. Its labels are stacked as features into the cue and role taggers, which look at
 * attributions one cue at a time; the two views disagree usefully. train.ts calls `trainJoint`;
 * run alone it writes one model (for experiments):
 *   node --import tsx server/intake/train/joint.ts [--holdout N] [--folds N --fold K] [--prune X] --out FILE
 * The dev split is never read.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baseFeatures, JOINT_LABELS } from '../features';
import { Perceptron, bioAllowed, compact, seededShuffle, type PerceptronModel } from '../perceptron';
import { tokenize, type Token } from '../tokens';
import { sentenceRanges } from '../extract';
import { overlaps, readSplit, type Article } from './corpus';

/** Gold sentence-tagger labels: cue over source over content where annotations would overlap. */
function jointGold(a: Article, toks: Token[]): number[] {
  const role = toks.map((t) => {
    for (const g of a.gold) {
      if (overlaps(t, g.cue)) return 3;
      if (overlaps(t, g.source)) return 1;
      if (overlaps(t, g.content)) return 5;
    }
    return 0;
  });
  return role.map((r, i) => (r && i > 0 && role[i - 1] === r && toks[i - 1]!.sent === toks[i]!.sent ? r + 1 : r));
}

/**
 * Trains the sentence tagger on the articles; returns the shipped form (keys sorted, integer
 * weights, features whose weights all stay within ±prune dropped: at 10 the model is about a
 * tenth of its full size and the stacked figures do not move).
 */
export function trainJoint(articles: Article[], { epochs = 6, prune = 10, log = (_: string) => {} } = {}): PerceptronModel {
  const shuffle = seededShuffle(777);
  const items = articles.flatMap((a) => {
    const toks = tokenize(a.text);
    const gold = jointGold(a, toks), feats = baseFeatures(toks);
    return sentenceRanges(toks).map(([s, e]) => ({ f: feats.slice(s, e), g: gold.slice(s, e) }));
  });
  const m = new Perceptron(JOINT_LABELS, bioAllowed(JOINT_LABELS));
  for (let ep = 0; ep < epochs; ep++) {
    let wrong = 0;
    for (const it of shuffle(items)) if (m.train(it.f, it.g)) wrong++;
    log(`sentence tagger epoch ${ep + 1}: ${wrong}/${items.length} sentences wrong`);
  }
  return compact(m.export(prune));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
  const corpus = opt('--corpus', fileURLToPath(new URL('../../../../shared/polnear/train', import.meta.url)));
  const holdout = Number(opt('--holdout', '0'));
  const folds = Number(opt('--folds', '1')), fold = Number(opt('--fold', '-1'));
  const outFile = opt('--out', '');
  if (!outFile) throw new Error('--out FILE is required');
  const all = readSplit(corpus);
  const train = all.slice(0, all.length - holdout).filter((_, i) => folds <= 1 || i % folds !== fold);
  const model = trainJoint(train, { epochs: Number(opt('--epochs', '6')), prune: Number(opt('--prune', '10')), log: console.log });
  const gz = gzipSync(JSON.stringify(model), { level: 9 });
  writeFileSync(outFile, gz);
  console.log(`wrote ${outFile}: ${(gz.length / 1024).toFixed(0)} KB gzipped, ${model.keys!.length} features`);
}
