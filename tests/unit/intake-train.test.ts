import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractWith, jointLabels, loadModels, readModelFile, type Span } from '~/server/intake/extract';
import { JOINT_LABELS } from '~/server/intake/features';
import { Perceptron } from '~/server/intake/perceptron';
import { tokenize } from '~/server/intake/tokens';
import type { Article } from '~/server/intake/train/corpus';
import { trainJoint } from '~/server/intake/train/joint';

/** An annotated article written for this test: each attribution names its source, cue and content by their text. */
function article(text: string, atts: { source: string; cue: string; content: string }[]): Article {
  const at = (s: string): [number, number][] => {
    const i = text.indexOf(s);
    if (i < 0) throw new Error(`"${s}" is not in the text`);
    return [[i, i + s.length]];
  };
  return { name: text.slice(0, 20), text, gold: atts.map((a) => ({ source: at(a.source), cue: at(a.cue), content: at(a.content) })) };
}

describe('trainJoint (the sentence tagger of the intake trainer)', () => {
  it('learns to label sources, cues and contents of whole sentences from annotated articles', () => {
    const arts = [
      article('The mayor said the bridge would open in May. Traffic was light on Monday.', [{ source: 'The mayor', cue: 'said', content: 'the bridge would open in May' }]),
      article('Officials denied that the budget had doubled. The river rose overnight.', [{ source: 'Officials', cue: 'denied', content: 'that the budget had doubled' }]),
      article('The council said the park would stay. Rain fell in the afternoon.', [{ source: 'The council', cue: 'said', content: 'the park would stay' }]),
    ];
    const model = Perceptron.fromModel(trainJoint(arts, { epochs: 5, prune: 0 }));
    const text = arts[0]!.text;
    const toks = tokenize(text);
    const labels = jointLabels(toks, model);
    const roleOf = (word: string) => labels[toks.findIndex((t) => t.text === word)]!.replace(/^[BI]-/, '');
    expect(['The', 'mayor'].map(roleOf)).toEqual(['SRC', 'SRC']);
    expect(roleOf('said')).toBe('CUE');
    expect(['bridge', 'open', 'May'].map(roleOf)).toEqual(['CON', 'CON', 'CON']);
    expect(['Traffic', 'light', 'Monday'].map(roleOf)).toEqual(['O', 'O', 'O']);
  });

  it('ships only features whose weights reach beyond the pruning threshold', () => {
    const arts = [article('The mayor said the bridge would open in May.', [{ source: 'The mayor', cue: 'said', content: 'the bridge would open in May' }])];
    const all = trainJoint(arts, { epochs: 2, prune: 0 });
    const pruned = trainJoint(arts, { epochs: 2, prune: 0.5 });
    expect(pruned.keys!.length).toBeLessThan(all.keys!.length);
    const L = JOINT_LABELS.length;
    pruned.keys!.forEach((_, i) => expect(Math.max(...pruned.values!.slice(i * L, (i + 1) * L).map(Math.abs))).toBeGreaterThan(0));
  });
});

describe('cost-augmented training (the margin)', () => {
  it('keeps updating until the gold label wins by the margin, where a plain update stops once it wins', () => {
    const plain = new Perceptron(['O', 'X']), margin = new Perceptron(['O', 'X']);
    expect(plain.train([['w=x']], [1])).toBe(true);
    expect(margin.train([['w=x']], [1], (g, l) => (g === l ? 0 : 5))).toBe(true);
    // both now label the token right, by 4 points (weight and start transition); only the margin learner asks for 5
    expect(plain.decode([['w=x']])).toEqual([1]);
    expect(plain.train([['w=x']], [1])).toBe(false);
    expect(margin.train([['w=x']], [1], (g, l) => (g === l ? 0 : 5))).toBe(true);
    expect(margin.train([['w=x']], [1], (g, l) => (g === l ? 0 : 5))).toBe(false);
  });
});

describe('the trainer (train.ts)', () => {
  it('writes a model that finds, in a new sentence, the kind of attribution it was taught', () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-corpus-'));
    try {
      mkdirSync(join(dir, 'text'));
      mkdirSync(join(dir, 'attributions'));
      const arts = [
        ['The mayor said the bridge would open in May.', 'The mayor', 'said', 'the bridge would open in May'],
        ['Officials said the budget had doubled.', 'Officials', 'said', 'the budget had doubled'],
        ['The council said the park would stay.', 'The council', 'said', 'the park would stay'],
        ['The minister said the road was closed.', 'The minister', 'said', 'the road was closed'],
      ];
      arts.forEach(([text, source, cue, content], k) => {
        writeFileSync(join(dir, 'text', `a${k}.txt`), text!);
        const span = (s: string) => `${text!.indexOf(s)} ${text!.indexOf(s) + s.length}\t${s}`;
        writeFileSync(join(dir, 'attributions', `a${k}_x.ann`), [`T1\tSource ${span(source!)}`, `T2\tCue ${span(cue!)}`, `T3\tContent ${span(content!)}`, 'E1\tCue:T2 Source:T1 Content:T3', ''].join('\n'));
      });
      const out = join(dir, 'model.json.gz');
      const log = execFileSync(process.execPath, ['--import', 'tsx', 'server/intake/train/train.ts', '--corpus', dir, '--epochs', '3', '--prune', '0', '--cue-bias', '0', '--con-bias', '0', '--out', out], { encoding: 'utf8' });
      expect(log).toMatch(/role epoch 3/);
      const text = 'The governor said the tunnel would open in June.';
      const [att] = extractWith(text, loadModels(readModelFile(out)));
      // the text from a span's first piece to its last
      const slice = (span: Span | null) => { const xs = span == null ? [] : Array.isArray(span) ? span : [span]; return text.slice(xs[0]!.start, xs[xs.length - 1]!.end); };
      expect(slice(att!.cue)).toBe('said');
      expect(slice(att!.source)).toBe('The governor');
      expect(slice(att!.content)).toBe('the tunnel would open in June');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
