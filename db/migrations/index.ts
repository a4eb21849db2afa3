import type { Migration } from 'kysely';
import * as m0001 from './0001_ledger';
import * as m0002 from './0002_accounts_and_audit_chain';
import * as m0003 from './0003_reviews';
import * as m0004 from './0004_search';
import * as m0005 from './0005_merges';
import * as m0006 from './0006_graph_indexes';
import * as m0007 from './0007_sign_in_failures';
import * as m0008 from './0008_password_reset_links';

/** Every migration, in order. Listed in code so bundlers and tests see the same set. */
export const migrations: Record<string, Migration> = {
  '0001_ledger': m0001,
  '0002_accounts_and_audit_chain': m0002,
  '0003_reviews': m0003,
  '0004_search': m0004,
  '0005_merges': m0005,
  '0006_graph_indexes': m0006,
  '0007_sign_in_failures': m0007,
  '0008_password_reset_links': m0008,
};
