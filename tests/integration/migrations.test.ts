import { afterEach, describe, expect, it } from 'vitest';
import { createDb, migrateToLatest, type DB } from '~/db/client';
import { loadDemoStory } from '~/db/demo-story';
import { migrations } from '~/db/migrations';
import { historyOf } from '~/server/audit/audit.service';
import { addUser } from '../helpers/db';

const TABLES = ['story', 'claim', 'storyClaim', 'source', 'sourceAlias', 'document', 'attribution', 'claimLink', 'auditEvent', 'auditSubject'] as const;

async function counts(db: DB) {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.selectFrom(t).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

describe('migrations and the demo story', () => {
  let db: DB | undefined;
  afterEach(async () => {
    await db?.destroy();
  });

  it('migrates an empty database to the latest version, and a second run applies nothing', async () => {
    db = createDb(':memory:');
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    for (const t of ['story', 'claim', 'story_claim', 'source', 'source_alias', 'document', 'attribution', 'claim_link', 'audit_event']) {
      expect(tables).toContain(t);
    }
  });

  it('turns foreign keys on, so an orphan attribution is impossible', async () => {
    db = createDb(':memory:');
    await migrateToLatest(db);
    const at = new Date().toISOString();
    await expect(
      db.insertInto('attribution').values({ claimId: 999, sourceId: 999, stance: 'asserts', createdAt: at, updatedAt: at }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('rejects values outside the enumerations and self-links at the database level', async () => {
    db = createDb(':memory:');
    await migrateToLatest(db);
    const at = new Date().toISOString();
    await expect(
      db.insertInto('source').values({ name: 'X', kind: 'alien' as never, createdAt: at, updatedAt: at }).execute(),
    ).rejects.toThrow(/CHECK/);
    const { id } = await db.insertInto('claim').values({ text: 'A claim.', status: 'open', createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    await expect(
      db.insertInto('claimLink').values({ fromClaimId: id, toClaimId: id, kind: 'supports', createdAt: at, updatedAt: at }).execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.insertInto('document').values({ url: 'javascript:alert(1)', title: 'x', createdAt: at, updatedAt: at }).execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it('loads the reference story, and loading it again duplicates nothing', async () => {
    db = createDb(':memory:');
    await migrateToLatest(db);
    const editor = await addUser(db, 'demo-editor', 'editor', 'Eli Editor');
    const first = await loadDemoStory(db, { grader: editor.id });
    expect(first.created).toBeGreaterThan(20);
    const after1 = await counts(db);
    expect(after1.claim).toBeGreaterThanOrEqual(8);
    expect(after1.claimLink).toBeGreaterThanOrEqual(2);
    const second = await loadDemoStory(db, { grader: editor.id });
    expect(second.created).toBe(0);
    expect(await counts(db)).toEqual(after1);

    // Sources are created ungraded and then graded by the editor, so the history shows who graded what.
    const sohr = await db.selectFrom('source').selectAll().where('name', '=', 'Syrian Observatory for Human Rights').executeTakeFirstOrThrow();
    expect(sohr).toMatchObject({ reliability: 'B', version: 2 });
    const sohrHistory = (await historyOf(db, { entity: 'source', id: sohr.id })).filter((h) => h.entity === 'source');
    expect(sohrHistory.map((h) => [h.action, h.actorName])).toEqual([
      ['update', 'Eli Editor'],
      ['create', null],
    ]);
    expect(sohrHistory[0]!.changes).toEqual([
      { field: 'reliability', from: 'F', to: 'B' },
      { field: 'reliabilityNote', from: '', to: sohr.reliabilityNote },
    ]);
    const graded = await db.selectFrom('source').select(['name', 'reliability']).where('reliability', '!=', 'F').orderBy('name').execute();
    expect(graded).toEqual([
      { name: 'Opposition-linked media', reliability: 'D' },
      { name: 'Syrian Observatory for Human Rights', reliability: 'B' },
      { name: 'Syrian government', reliability: 'E' },
    ]);

    // The departure claim rests on SOHR's head, relayed via agencies, against the government's denial.
    const departure = await db.selectFrom('claim').select('id').where('text', '=', 'Bashar al-Assad has left Syria.').executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('attribution')
      .innerJoin('source', 'source.id', 'attribution.sourceId')
      .leftJoin('source as via', 'via.id', 'attribution.viaSourceId')
      .select(['source.name', 'attribution.stance', 'via.name as via'])
      .where('attribution.claimId', '=', departure.id)
      .orderBy('attribution.id')
      .execute();
    expect(rows).toEqual([
      { name: 'Rami Abdurrahman', stance: 'asserts', via: 'News agencies (unnamed)' },
      { name: 'Syrian government', stance: 'denies', via: null },
    ]);
  });
});
