/**
 * Intake extractor CLI.
 *   npm run --silent intake -- --json FILE     prints {"attributions":[{source,cue,content,stance,claim}]}
 *   npm run --silent intake -- FILE            prints a readable listing
 * Reads standard input when FILE is "-".
 */
import { readFileSync } from 'node:fs';
import { extractAttributions, IntakeInputTooLargeError, type Span } from './extract';

const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.filter((a) => a !== '--json')[0];
if (!file) {
  process.stderr.write('usage: npm run --silent intake -- [--json] FILE\n');
  process.exit(2);
}
try {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const attributions = extractAttributions(text);
  if (json) {
    process.stdout.write(JSON.stringify({ attributions: attributions.map(({ source, cue, content, stance, claim }) => ({ source, cue, content, stance, claim })) }) + '\n');
  } else {
    const show = (s: Span | null) => (s == null ? '—' : (Array.isArray(s) ? s : [s]).map((p) => text.slice(p.start, p.end)).join(' … '));
    for (const a of attributions) {
      process.stdout.write(`[${a.stance}] ${show(a.source)} | ${show(a.cue)} | ${show(a.content)}\n    claim: ${a.claim}\n`);
    }
  }
} catch (err) {
  if (err instanceof IntakeInputTooLargeError) {
    process.stderr.write(`intake: ${err.message}\n`);
    process.exit(3);
  }
  process.stderr.write(`intake: ${(err as Error).message}\n`);
  process.exit(1);
}
