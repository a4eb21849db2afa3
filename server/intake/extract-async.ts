/**
 * `extractAttributionsAsync`: the intake extractor off the event loop. The extractor costs about
 * 70 ms per 1,000 words, so a long paste run on the request thread would stall every other
 * request; here it runs in one long-lived `worker_threads` worker (extract.worker.ts), which
 * loads the NLP model and the weights once. Requests wait in a queue and go to the worker one at
 * a time. If the worker dies, the request it was working on is rejected (ExtractorWorkerError)
 * and the next request starts a new worker. The result is the synchronous extractor's, as is:
 * the worker runs the same `extractAttributions`.
 *
 * The worker file is named with `new URL('./extract.worker.ts', import.meta.url)` right inside
 * `new Worker(…)`: Turbopack (`next build`, `next dev`) recognises that form and bundles the
 * worker as its own entry (it also copies the .ts file beside the build's assets, unused).
 * Elsewhere (vitest, `tsx` scripts) the worker runs the TypeScript source through tsx (see
 * TS_BOOTSTRAP below). The synchronous `extractAttributions` stays for the CLI and the trainer.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IntakeInputTooLargeError, MAX_INPUT_BYTES, utf8Length, type Attribution } from './extract';

/** Messages between this module and the worker. */
export interface ExtractRequest { id: number; text: string }
export type ExtractReply =
  | { id: number; attributions: Attribution[]; error?: undefined }
  | { id: number; error: { name: string; message: string; stack?: string }; attributions?: undefined };

/** The worker stopped (crashed, ran out of memory, or was stopped) before it answered. */
export class ExtractorWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractorWorkerError';
  }
}

interface Job {
  id: number;
  text: string;
  resolve: (attributions: Attribution[]) => void;
  reject: (error: Error) => void;
}

const queue: Job[] = [];
let worker: Worker | undefined;
let running: Job | undefined;
let nextId = 1;

/**
 * Outside Next (vitest, `tsx` scripts) the worker file is TypeScript source. On Node 20 a
 * worker does not get tsx's loader from `--import tsx` (hooks registered that way miss the
 * worker's entry module), so a small bootstrap loads it with tsx's `tsImport` (tsx is a
 * dependency), found from this module's folder. tsx's ES module build: its CommonJS build of
 * `tsx/esm/api` cannot register its loader (it looks for `esm/api/esm/index.mjs`).
 */
const TS_BOOTSTRAP = `
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const { workerData } = require('node:worker_threads');
const api = createRequire(workerData.from).resolve('tsx/esm/api').replace(/\\.cjs$/, '.mjs');
import(pathToFileURL(api).href)
  .then(({ tsImport }) => tsImport(workerData.entry, workerData.from))
  .catch((err) => setImmediate(() => { throw err; }));
`;

function spawnWorker(): Worker {
  // Turbopack bundles the worker entry named this way (the Next server sets NEXT_RUNTIME).
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./extract.worker.ts', import.meta.url));
  const from = fileURLToPath(import.meta.url);
  const entry = pathToFileURL(join(dirname(from), 'extract.worker.ts')).href;
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { entry, from } });
}

function startWorker(): Worker {
  const w = spawnWorker();
  w.on('message', (reply: ExtractReply) => {
    const job = running;
    if (!job || job.id !== reply.id) return;
    running = undefined;
    if (reply.error) job.reject(rebuildError(reply.error, job.text));
    else job.resolve(reply.attributions!);
    next();
  });
  // An uncaught exception in the worker ends it: 'error', then 'exit'.
  let failure: Error | undefined;
  w.on('error', (err) => (failure = err));
  w.on('messageerror', (err) => (failure = err));
  w.on('exit', (code) => {
    if (worker === w) worker = undefined;
    const job = running;
    if (job) {
      running = undefined;
      const why = failure ? `: ${failure.message}` : ` (exit code ${code})`;
      job.reject(new ExtractorWorkerError(`The attribution extractor stopped before it finished this article${why}. Try again.`, { cause: failure }));
    }
    next(); // the next waiting article starts a new worker
  });
  return w;
}

function rebuildError(e: { name: string; message: string; stack?: string }, text: string): Error {
  if (e.name === 'IntakeInputTooLargeError') return new IntakeInputTooLargeError(utf8Length(text));
  const err = e.name === 'TypeError' ? new TypeError(e.message) : new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

function next(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) {
    worker?.unref(); // an idle worker does not keep the process alive
    return;
  }
  try {
    worker ??= startWorker();
  } catch (err) {
    job.reject(new ExtractorWorkerError(`The attribution extractor could not start: ${(err as Error).message}`, { cause: err }));
    next();
    return;
  }
  worker.ref(); // a process awaiting an answer stays alive until it comes
  running = job;
  worker.postMessage({ id: job.id, text: job.text } satisfies ExtractRequest);
}

/**
 * `extractAttributions(text)` in a worker thread: the same attributions, without blocking the
 * event loop. A text over 2 MB is refused (IntakeInputTooLargeError, on `text`) before any work.
 */
export async function extractAttributionsAsync(text: string): Promise<Attribution[]> {
  if (typeof text !== 'string') throw new TypeError('extractAttributions expects a string');
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) throw new IntakeInputTooLargeError(bytes);
  if (!text.trim()) return [];
  return new Promise<Attribution[]>((resolve, reject) => {
    queue.push({ id: nextId++, text, resolve, reject });
    next();
  });
}

/**
 * Stops the worker (it starts again on the next request). An article it was working on is
 * rejected with ExtractorWorkerError; articles still waiting go to the new worker.
 */
export async function stopExtractorWorker(): Promise<void> {
  const w = worker;
  if (!w) return;
  worker = undefined;
  await w.terminate();
}
