import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '~/db/client';
import { createUserInput } from './users.schema';
import { createUser } from './users.service';

// npm run user:create -- --email ed@desk.org --role admin [--name "Ed Itor"]
// The password is read from CORROBORATE_PASSWORD, or asked for on the terminal.
const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });

async function askPassword(): Promise<string> {
  if (process.env.CORROBORATE_PASSWORD) return process.env.CORROBORATE_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set CORROBORATE_PASSWORD, or run this in a terminal to type the password.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let muted = false;
  out._writeToOutput = (s: string) => out.output.write(muted ? '' : s);
  const p = rl.question('Password (10 characters or more): ');
  muted = true;
  const password = await p;
  rl.close();
  process.stdout.write('\n');
  return password;
}

const parsed = createUserInput.safeParse({
  email: values.email ?? '',
  role: values.role ?? '',
  name: values.name ?? (values.email ?? '').split('@')[0],
  password: await askPassword(),
});
if (!parsed.success) {
  for (const i of parsed.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`);
  process.exit(2);
}
const db = createDb();
try {
  await migrateToLatest(db);
  const user = await createUser(db, null, parsed.data);
  console.log(`Created ${user.role} account for ${user.name} <${user.email}>.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
