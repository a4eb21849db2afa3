/**
 * Averaged structured perceptron with first-order Viterbi decoding over BIO-style labels.
 * Weights: feature string -> one weight per label; transitions: label x label (+ start row).
 */
export interface PerceptronModel {
  labels: string[];
  /** (labels.length + 1) x labels.length, row labels.length is the start state. */
  trans: number[];
  /** Either a map feature -> weights per label, or (compact form) keys + flat values. */
  weights?: Record<string, number[]>;
  keys?: string[];
  /** keys.length x labels.length weights, row-major. */
  values?: number[];
  /** Per-label offsets added at decoding time (tuned on held-out data to trade precision for recall). */
  bias?: number[];
}

export type Allowed = (prev: number, cur: number) => boolean;

export class Perceptron {
  readonly L: number;
  w = new Map<string, Float64Array>();
  bias: Float64Array;
  trans: Float64Array;
  // averaging
  /** Per feature: [accumulated weight x L, last update time x L] for averaging. */
  private avg = new Map<string, Float64Array>();
  private transAcc: Float64Array;
  private transStamp: Float64Array;
  private t = 1;

  constructor(readonly labels: string[], readonly allowed: Allowed = () => true) {
    this.L = labels.length;
    this.trans = new Float64Array((this.L + 1) * this.L);
    this.bias = new Float64Array(this.L);
    this.transAcc = new Float64Array(this.trans.length);
    this.transStamp = new Float64Array(this.trans.length);
  }

  /** Frozen (inference) form: feature -> row index into `flat`. */
  private idx?: Map<string, number>;
  private flat?: Float64Array;

  /** A tagger from stored weights; by default its labels are BIO-constrained (see bioAllowed). */
  static fromModel(m: PerceptronModel, allowed: Allowed = bioAllowed(m.labels)): Perceptron {
    const p = new Perceptron(m.labels, allowed);
    p.trans = Float64Array.from(m.trans);
    if (m.bias) p.bias = Float64Array.from(m.bias);
    const keys = m.keys ?? Object.keys(m.weights ?? {});
    const flat = m.values ? Float64Array.from(m.values) : new Float64Array(keys.length * p.L);
    if (!m.values) keys.forEach((k, i) => flat.set(m.weights![k]!, i * p.L));
    p.idx = new Map(keys.map((k, i) => [k, i * p.L]));
    p.flat = flat;
    return p;
  }

  scores(feats: string[][]): Float64Array[] {
    return feats.map((fs) => this.add(this.bias.slice(), fs));
  }

  /** Adds the weights of the features to `s` (one score per label) and returns it. */
  add(s: Float64Array, fs: string[]): Float64Array {
    const L = this.L;
    if (this.idx) {
      const flat = this.flat!;
      for (const f of fs) {
        const o = this.idx.get(f);
        if (o !== undefined) for (let l = 0; l < L; l++) s[l]! += flat[o + l]!;
      }
    } else {
      for (const f of fs) {
        const w = this.w.get(f);
        if (w) for (let l = 0; l < L; l++) s[l]! += w[l]!;
      }
    }
    return s;
  }

  /** Where this model's weights of each feature of a shared numbering start (-1: not in this model). */
  rowsOf(numbering: Map<string, number>): Int32Array {
    const rows = new Int32Array(numbering.size).fill(-1);
    for (const [f, id] of numbering) rows[id] = this.idx?.get(f) ?? -1;
    return rows;
  }

  /** Adds the weights of features given by their shared numbers (see rowsOf) to `s`. */
  addRows(s: Float64Array, ids: Int32Array, rows: Int32Array): Float64Array {
    const L = this.L, flat = this.flat!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const o = id < 0 ? -1 : rows[id]!;
      if (o >= 0) for (let l = 0; l < L; l++) s[l]! += flat[o + l]!;
    }
    return s;
  }

  /** Feature names of a stored model (for a shared numbering). */
  featureNames(): IterableIterator<string> {
    return (this.idx ?? this.w).keys();
  }

  decode(feats: string[][]): number[] {
    return this.decodeScores(this.scores(feats));
  }

  /** Viterbi over given emission scores (one Float64Array of label scores per token). */
  decodeScores(em: Float64Array[]): number[] {
    const n = em.length;
    if (n === 0) return [];
    const L = this.L;
    const delta = new Float64Array(n * L);
    const back = new Int32Array(n * L);
    for (let c = 0; c < L; c++) {
      delta[c] = this.allowed(-1, c) ? em[0]![c]! + this.trans[L * L + c]! : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      for (let c = 0; c < L; c++) {
        let best = -Infinity, arg = 0;
        for (let p = 0; p < L; p++) {
          if (!this.allowed(p, c)) continue;
          const v = delta[(i - 1) * L + p]! + this.trans[p * L + c]!;
          if (v > best) { best = v; arg = p; }
        }
        delta[i * L + c] = best + em[i]![c]!;
        back[i * L + c] = arg;
      }
    }
    let best = -Infinity, arg = 0;
    for (let c = 0; c < L; c++) if (delta[(n - 1) * L + c]! > best) { best = delta[(n - 1) * L + c]!; arg = c; }
    const out = new Array<number>(n);
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) { arg = back[i * L + arg]!; out[i - 1] = arg; }
    return out;
  }

  private upd(f: string, l: number, d: number) {
    let w = this.w.get(f);
    if (!w) {
      w = new Float64Array(this.L);
      this.w.set(f, w);
      this.avg.set(f, new Float64Array(2 * this.L));
    }
    const a = this.avg.get(f)!;
    a[l]! += (this.t - a[this.L + l]!) * w[l]!;
    a[this.L + l] = this.t;
    w[l]! += d;
  }
  private updT(i: number, d: number) {
    this.transAcc[i]! += (this.t - this.transStamp[i]!) * this.trans[i]!;
    this.transStamp[i] = this.t;
    this.trans[i]! += d;
  }

  /**
   * One training step; returns true when the prediction was wrong. With `cost` (the loss of label
   * l where the gold label is g), the prediction is made with that loss added, so a step also
   * updates when the gold labels win by less than the loss of the best wrong labelling.
   */
  train(feats: string[][], gold: number[], cost?: (gold: number, label: number) => number): boolean {
    const L = this.L;
    const em = this.scores(feats);
    // cost-augmented decoding: the prediction must beat the gold sequence by its loss (a margin)
    if (cost) em.forEach((s, i) => { for (let l = 0; l < L; l++) s[l]! += cost(gold[i]!, l); });
    const pred = this.decodeScores(em);
    let wrong = false;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!, p = pred[i]!;
      const gp = i === 0 ? L : gold[i - 1]!, pp = i === 0 ? L : pred[i - 1]!;
      if (g !== p || gp !== pp) {
        wrong = wrong || g !== p;
        if (g !== p) for (const f of feats[i]!) { this.upd(f, g, 1); this.upd(f, p, -1); }
        this.updT(gp * L + g, 1);
        this.updT(pp * L + p, -1);
      }
    }
    this.t++;
    return wrong;
  }

  /** Finalise averaging and export, dropping features whose weights are all tiny. */
  export(minAbs = 0): PerceptronModel {
    const L = this.L;
    const keys: string[] = [];
    const values: number[] = [];
    for (const [f, w] of this.w) {
      const a = this.avg.get(f)!;
      const avg = new Array<number>(L);
      let max = 0;
      for (let l = 0; l < L; l++) {
        const tot = a[l]! + (this.t - a[L + l]!) * w[l]!;
        avg[l] = tot / this.t;
        max = Math.max(max, Math.abs(avg[l]!));
      }
      if (max > minAbs) { keys.push(f); values.push(...avg); }
    }
    const trans = Array.from(this.trans, (w, i) => (this.transAcc[i]! + (this.t - this.transStamp[i]!) * w) / this.t);
    return { labels: this.labels, trans, keys, values };
  }
}

/** BIO constraint: an I-X label may only follow B-X or I-X. */
export const bioAllowed = (labels: string[]): Allowed => {
  const kind = labels.map((l) => (l.startsWith('I-') ? l.slice(2) : null));
  const base = labels.map((l) => (l === 'O' ? null : l.slice(2)));
  return (p, c) => {
    const k = kind[c];
    if (k == null) return true;
    return p >= 0 && base[p] === k;
  };
};

/**
 * The shipped form of exported weights: keys sorted (gzip shares their prefixes) and weights
 * rounded to integers (perceptron weights are averaged sums of ±1 updates; rounding costs about
 * 0.001 F1 and a quarter of the file), transitions to one decimal.
 */
export function compact(m: PerceptronModel): PerceptronModel {
  const L = m.labels.length, keys = m.keys!, values = m.values!;
  const order = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : 1));
  return {
    ...m,
    keys: order.map((i) => keys[i]!),
    values: order.flatMap((i) => values.slice(i * L, (i + 1) * L).map((w) => Math.round(w))),
    trans: m.trans.map((w) => Math.round(w * 10) / 10),
  };
}

/** A deterministic in-place shuffle (the same seed gives the same training order). */
export function seededShuffle(seed: number): <T>(xs: T[]) => T[] {
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return (xs) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
}
