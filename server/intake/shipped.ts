import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a data file shipped beside the intake modules is: `beside()` (the caller's
 * `new URL('./name', import.meta.url)`, kept literal at the call site for bundlers), or under the
 * project root when bundled code has no file: URL.
 */
export function shippedFile(name: string, beside: () => URL): string {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(beside()));
  } catch {
    // not a file: URL (bundled); fall back to the project root
  }
  candidates.push(join(process.cwd(), 'server', 'intake', name));
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;
}
