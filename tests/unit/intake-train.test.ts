import { describe, expect, it } from 'vitest';
import { jointLabels } from '~/server/intake/extract';
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
