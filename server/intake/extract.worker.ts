/**
 * The intake extractor's worker thread (started by extract-async.ts): runs `extractAttributions`
 * off the server's event loop. The NLP model and the weights load once, on the first request,
 * and stay loaded for the life of the worker. One request at a time: {id, text} in,
 * {id, attributions} or {id, error} out.
 */
import { parentPort } from 'node:worker_threads';
import type { ExtractReply, ExtractRequest } from './extract-async';
import { extractAttributions } from './extract';

const port = parentPort;
if (port) {
  port.on('message', ({ id, text }: ExtractRequest) => {
    let reply: ExtractReply;
    try {
      reply = { id, attributions: extractAttributions(text) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = { id, error: { name: e.name, message: e.message, stack: e.stack } };
    }
    port.postMessage(reply);
  });
}
