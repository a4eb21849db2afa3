import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '~/server/errors';
import { ExtractorWorkerError, extractAttributionsAsync, stopExtractorWorker } from '~/server/intake/extract-async';
import { extractAttributions, IntakeInputTooLargeError } from '~/server/intake/extract';

// Paragraphs written for these tests: direct and indirect quotes, "according to", a denial, a
// nominal denial, a quote interrupted by its cue, a passive report.
const PARAGRAPHS = [
  '“We will rebuild the bridge before winter,” the mayor said on Monday, standing beside the river.',
  'The finance minister said that the budget deficit had doubled since March. Opposition councillors denied that any money was missing.',
  'The harbour has been closed to all ships, according to the port authority. Government denials of the closure were broadcast on state radio.',
  '“The water is safe,” the health ministry said, “and nobody needs to boil it.” Residents disputed that claim on social media.',
  'It was reported by the regional newspaper that two senior managers had resigned. A spokesman for the company declined to comment.',
];
const ARTICLE = PARAGRAPHS.join('\n\n');

/** About `bytes` of text, the paragraphs over and over. */
function longArticle(bytes: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n');
}

afterAll(() => stopExtractorWorker());

// A worker thread starts and loads its models; on a busy machine that takes seconds.
describe('extractAttributionsAsync (the extractor in a worker thread)', { timeout: 60_000 }, () => {
  it('gives exactly the attributions of the synchronous extractor', async () => {
    const sync = extractAttributions(ARTICLE);
    expect(sync.length).toBeGreaterThanOrEqual(5); // the text has something to find
    expect(await extractAttributionsAsync(ARTICLE)).toStrictEqual(sync);

    const medium = longArticle(20_000);
    expect(await extractAttributionsAsync(medium)).toStrictEqual(extractAttributions(medium));
    expect(await extractAttributionsAsync('  \n ')).toStrictEqual([]);
  });

  it('answers requests made together, each with its own attributions', async () => {
    const texts = PARAGRAPHS.slice(0, 3);
    const answers = await Promise.all(texts.map((t) => extractAttributionsAsync(t)));
    expect(answers).toStrictEqual(texts.map((t) => extractAttributions(t)));
  });

  it('keeps the event loop free while a long article is analysed', async () => {
    const text = longArticle(100_000);
    await extractAttributionsAsync(PARAGRAPHS[0]!); // worker and models loaded: time the article alone
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    let ticksWhenDone = -1;
    try {
      const found = await extractAttributionsAsync(text).then((atts) => {
        ticksWhenDone = ticks;
        return atts;
      });
      expect(found.length).toBeGreaterThan(300);
    } finally {
      clearInterval(timer);
    }
    // Run on this thread, the extraction would hold the loop for seconds and no tick would fire.
    expect(ticksWhenDone).toBeGreaterThan(20);
  });

  it('refuses more than 2 MB before any work, naming the field `text`', async () => {
    const err = await extractAttributionsAsync('Assad left. '.repeat(180_000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntakeInputTooLargeError);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ field: 'text', reason: 'invalid' });
    expect((err as Error).message).toMatch(/the limit is 2 MB/);
  });

  it('rejects the article of a worker that dies, and starts a new worker for the next', async () => {
    const pending = extractAttributionsAsync(longArticle(50_000));
    const waiting = extractAttributionsAsync(ARTICLE); // queued behind it
    await stopExtractorWorker();
    await expect(pending).rejects.toThrow(ExtractorWorkerError);
    await expect(pending).rejects.toThrow(/stopped before it finished/);
    expect(await waiting).toStrictEqual(extractAttributions(ARTICLE));
    expect(await extractAttributionsAsync(PARAGRAPHS[1]!)).toStrictEqual(extractAttributions(PARAGRAPHS[1]!));
  });
});
