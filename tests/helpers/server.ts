import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TestServer {
  baseUrl: string;
  dbPath: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? done(port) : fail(new Error('could not get a free port'))));
    });
  });
}

/** Runs a command to completion; rejects with its output if it exits non-zero. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`\`${[cmd, ...args].join(' ')}\` failed (${signal ?? `exit ${code}`}):\n${output}`)),
    );
  });
}

// If a test forgets stop() (or the worker dies), don't leave `next start` running.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => killGroup(child, 'SIGKILL')));

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // group already gone
  }
}

/**
 * Starts the built app (`next start`) on a free port against a fresh, migrated and
 * seeded SQLite database. Requires `npm run build` to have been run.
 */
export async function startServer(): Promise<TestServer> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build found (${distDir}/BUILD_ID is missing). Run \`npm run build\` first.`);
  }

  const dir = await mkdtemp(join(tmpdir(), 'corroborate-test-'));
  const dbPath = join(dir, 'test.db');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: dbPath,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // Demo accounts (one per role) are created by the seed, for tests to sign in with.
    CORROBORATE_DEMO: '1',
    BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789abcdef',
    CORROBORATE_URL: baseUrl,
  };

  try {
    await run(bin('tsx'), ['db/migrate.ts'], env);
    await run(bin('tsx'), ['db/seed.ts'], env);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true, // own process group, so stop() can kill next and its workers
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running.delete(child);
      done();
    }),
  );

  const stop = async () => {
    if (child.pid !== undefined && isRunning(child)) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, 'SIGKILL'); // sweep any worker left in the group
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (spawnError || !isRunning(child)) {
      await stop();
      const why = spawnError?.message ?? `exited with ${child.signalCode ?? child.exitCode}`;
      throw new Error(`next start ${why} before answering.\nstderr:\n${stderr}`);
    }
    try {
      const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return { baseUrl, dbPath, stderr: () => stderr, stop }; // any HTTP answer means it is up
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer GET / within 60 s (${lastError}).\nstderr:\n${stderr}`);
}
