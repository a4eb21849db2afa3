import type { Role } from '~/db/schema';

/**
 * Demo mode (CORROBORATE_DEMO=1, set by `npm run demo`): one account per role, with
 * passwords printed on the console and on the sign-in page. Never set it in production.
 */
export const DEMO_ACCOUNTS: { email: string; password: string; name: string; role: Role }[] = [
  { email: 'checker@demo.corroborate', password: 'demo-checker-pass', name: 'Ada Checker', role: 'checker' },
  { email: 'editor@demo.corroborate', password: 'demo-editor-pass', name: 'Eli Editor', role: 'editor' },
  { email: 'admin@demo.corroborate', password: 'demo-admin-pass', name: 'Ana Admin', role: 'admin' },
];
