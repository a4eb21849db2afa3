/**
 * Benchmark of the intake extractor: median time to extract attributions from a ~1,000-word
 * article (text written for this benchmark), on one core. Target: ≤ 100 ms. The floor, measured in
 * the same run, is wink-nlp's tokenisation of the same text alone (what any NLP-based extractor pays).
 *   npx tsx tests/bench/intake.bench.ts [--runs N]
 */
import { extractAttributions } from '../../server/intake/extract';
import { tokenize } from '../../server/intake/tokens';

const PARAGRAPHS = [
  'The mayor said on Tuesday that the new bridge would open in the spring, two years later than planned. "We have learned from our mistakes," she told reporters outside city hall.',
  'According to the transport department, the cost of the project has risen to 412 million dollars. Officials denied that the contractor had been paid for work it never did.',
  'Residents who live near the river complained that the construction noise had kept them awake for months. One of them, a retired teacher, said she had written to the council three times without an answer.',
  '"Nobody listens to us," said Maria Lopez, 67. "They promised a park, and we got a parking lot." The council disputed her account, saying the park was still part of the plan.',
  'An independent audit published last week found that the city had underestimated the costs of the steel by almost a third. The auditors warned that further delays were likely unless the schedule was revised.',
  'Footage shared by a local news channel showed cracks in one of the concrete pillars. Engineers for the contractor insisted the cracks were cosmetic and posed no danger to the public.',
  'It was reported by the regional newspaper that two senior managers had resigned in protest. The company declined to comment on the report, but a spokesman confirmed that the managers had left.',
  'Opposition councillors accused the mayor of hiding the true cost of the bridge from voters. "This is a scandal," one of them wrote on social media. The mayor rejected the accusation as politically motivated.',
  'Economists at the state university estimated that the bridge would save commuters about twenty minutes a day once it opened. Business groups welcomed the estimate and urged the council to finish the work quickly.',
  'The governor, speaking at a press conference in the capital, said she had full confidence in the mayor. She added that the state would not provide additional money for the project.',
];

function makeArticle(words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 30;
const text = makeArticle(1000);
const wordCount = text.split(/\s+/).length;
const tLoad = performance.now();
const first = extractAttributions(text); // loads the NLP model and weights
const loadMs = performance.now() - tLoad;
const median = (f: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]! };
};
const floor = median(() => tokenize(text));
const full = median(() => extractAttributions(text));
console.log(`intake extractor: ${wordCount} words, ${first.length} attributions; first call (incl. model load) ${loadMs.toFixed(0)} ms`);
console.log(`  median over ${runs} runs ${full.median.toFixed(1)} ms (min ${full.min.toFixed(1)}, max ${full.max.toFixed(1)}); floor (tokenisation alone) ${floor.median.toFixed(1)} ms; ratio ${(full.median / floor.median).toFixed(1)}×`);
if (full.median > 100) {
  console.log('over the 100 ms budget');
  process.exitCode = 1;
}
