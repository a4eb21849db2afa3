import type { CredibilityLevel, EvidenceLine, NotCounted } from './types';
import { LEVEL_THRESHOLDS, LEVEL_WORDS, STRONG_COUNTER } from './weights';

/** A weight as an editor reads it: +1.20, −0.11. */
export function signed(n: number): string {
  return `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(2)}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function lineSentence(line: EvidenceLine): string {
  if (line.type === 'origin') {
    const verb = line.direction === 'for' ? 'Asserts' : 'Denies';
    return `${verb}: ${line.label} (${line.grade}), ${line.evidenceKind}, ${signed(line.weight)}. ${line.reason}`;
  }
  const verb = line.link === 'supports' ? 'Supporting claim' : 'Contradicting claim';
  return `${verb}: ${line.label}, ${signed(line.weight)}. ${line.reason}`;
}

function notCountedSentence(n: NotCounted): string {
  return n.subject.type === 'attribution'
    ? `Not counted: attribution #${n.subject.id}, ${n.reason}.`
    : `Not counted: linked claim ${n.reason}.`;
}

/** What would move the suggestion, in one sentence (or none when there is nothing to add). */
function hint(level: CredibilityLevel, assertingOrigins: number, againstWeight: number): string | null {
  if (level === 6) return 'Log who asserts or denies it (not only who reports it) to assess it.';
  if (level === 1) return null;
  if (againstWeight >= STRONG_COUNTER) return `Counter-evidence weighing ${signed(-againstWeight)} rules out confirmation until it is answered.`;
  if (assertingOrigins < 2) return 'Confirmation needs a second independent origin asserting it; repeats of the same origin do not count.';
  return `Confirmation needs support of ${LEVEL_THRESHOLDS.confirmed.toFixed(2)}: a better-graded independent source would raise it.`;
}

export function explain(input: {
  score: number;
  suggestedLevel: CredibilityLevel;
  lines: readonly EvidenceLine[];
  notCounted: readonly NotCounted[];
  counts: { for: number; against: number };
  assertingOrigins: number;
  againstWeight: number;
}): string[] {
  const { score, suggestedLevel: level, lines, counts } = input;
  const summary =
    level === 6
      ? `Suggests 6 (${LEVEL_WORDS[6]}): no evidence is counted for or against.`
      : `Suggests ${level} (${LEVEL_WORDS[level]}), support ${score.toFixed(2)}: ${plural(counts.for, 'independent line')} for, ${counts.against} against.`;
  const next = hint(level, input.assertingOrigins, input.againstWeight);
  return [summary, ...lines.map(lineSentence), ...input.notCounted.map(notCountedSentence), ...(next ? [next] : [])];
}
