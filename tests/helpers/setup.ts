import { format } from 'node:util';
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

/**
 * Any console.error during a test fails that test (Epic Stack style). The message is
 * still printed. A test that expects an error log opts out by replacing the
 * implementation: `vi.spyOn(console, 'error').mockImplementation(() => {})`.
 */
let spy: MockInstance<typeof console.error> | undefined;
let logged: string[] = [];

beforeEach(() => {
  const original = console.error;
  logged = [];
  spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(format(...args));
    original(...args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  spy = undefined;
  if (logged.length > 0) {
    const calls = logged;
    logged = [];
    throw new Error(`console.error was called ${calls.length} time(s) during this test:\n${calls.join('\n---\n')}`);
  }
});
