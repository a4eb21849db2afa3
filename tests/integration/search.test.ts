import fc from 'fast-check';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, migrateToLatest } from '~/db/client';
import { migrations } from '~/db/migrations';
import { loadDemoStory } from '~/db/demo-story';
import { MARK_END, MARK_START } from '~/server/search/terms';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import { expectTRPCError, makeAttribution, makeClaim, makeDocument, makeSohrChain, makeSource, makeStory, type Caller } from '../helpers/fixtures';

const mark = (s: string) => `${MARK_START}${s}${MARK_END}`;
const plain = (s: string) => s.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

/** A small desk: the departure claim and its denial in one story, a ceasefire claim in another. */
async function world(caller: Caller) {
  const damascus = await makeStory(caller, { title: 'Fall of Damascus' });
  const gaza = await makeStory(caller, { title: 'Gaza ceasefire' });
  const { sohr, rami } = await makeSohrChain(caller);
  const gov = await makeSource(caller, { name: 'Syrian government', kind: 'government_body' });
  const reuters = await makeSource(caller, { name: 'Reuters', kind: 'wire_agency' });
  const left = await makeClaim(caller, { text: 'Bashar al-Assad has left Syria.', storyId: damascus.id, eventDate: '2024-12-08' });
  const still = await makeClaim(caller, {
    text: 'The president is still in Damascus.',
    contextNote: 'Official denial that Assad has left',
    storyId: damascus.id,
    eventDate: '2024-12-08',
    status: 'ready_for_review',
  });
  const truce = await makeClaim(caller, { text: 'A ceasefire holds in Gaza.', storyId: gaza.id, eventDate: '2025-01-19' });
  const article = await makeDocument(caller, {
    url: 'https://news.example/assad-flight',
    title: 'Assad flies out as rebels enter the capital',
    publisherId: reuters.id,
    publishedAt: '2024-12-08',
  });
  const quote = await makeAttribution(caller, {
    claimId: left.id,
    sourceId: rami.id,
    stance: 'asserts',
    quote: 'Assad has reportedly left the country for an undisclosed destination',
    documentId: article.id,
    viaSourceId: reuters.id,
  });
  const denial = await makeAttribution(caller, {
    claimId: still.id,
    sourceId: gov.id,
    stance: 'asserts',
    quote: 'The president remains in the capital and performs his duties',
  });
  return { damascus, gaza, sohr, rami, gov, reuters, left, still, truce, article, quote, denial };
}

const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe('search.query', () => {
  it('ranks a claim whose text matches above one whose note matches', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const r = await caller.search.query({ q: 'assad left' });
    expect(ids(r.groups.claim)).toEqual([w.left.id, w.still.id]);
    expect(r.matched).toBe('all');
  });

  it('matches every word as a prefix, as you type', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const typed = 'Rami Abdurrahman';
    for (let n = 1; n <= typed.length; n++) {
      const r = await caller.search.query({ q: typed.slice(0, n), kind: 'source' });
      if (n >= 2) expect(ids(r.groups.source), typed.slice(0, n)).toContain(w.rami.id);
    }
    expect(ids((await caller.search.query({ q: 'bash al-ass sy' })).groups.claim)).toEqual([w.left.id]);
    // Diacritics and case do not matter.
    expect(ids((await caller.search.query({ q: 'ÁSSÂD SYRÍA' })).groups.claim)).toEqual([w.left.id]);
  });

  it('reaches claims, notes, quotes, sources (by name or alias) and document titles', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const r = await caller.search.query({ q: 'assad' });
    expect(ids(r.groups.claim).sort()).toEqual([w.left.id, w.still.id].sort());
    expect(ids(r.groups.quote)).toEqual([w.quote.id]);
    expect(ids(r.groups.document)).toEqual([w.article.id]);
    expect(r.groups.quote[0]).toMatchObject({ claimId: w.left.id, sourceId: w.rami.id, sourceName: 'Rami Abdurrahman', stance: 'asserts' });

    const byAlias = await caller.search.query({ q: 'abdel rahm' });
    expect(byAlias.groups.source).toEqual([expect.objectContaining({ id: w.rami.id, name: 'Rami Abdurrahman', alias: `Rami ${mark('Abdel')} ${mark('Rahman')}` })]);
    const byName = await caller.search.query({ q: 'observatory' });
    expect(byName.groups.source).toEqual([expect.objectContaining({ id: w.sohr.id, name: `Syrian ${mark('Observatory')} for Human Rights` })]);
  });

  it('marks matches in snippets with private delimiters, and shows a note only when it matched', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const r = await caller.search.query({ q: 'assad' });
    const left = r.groups.claim.find((c) => c.id === w.left.id)!;
    expect(left.text).toBe(`Bashar al-${mark('Assad')} has left Syria.`);
    expect(left.note).toBeNull();
    const still = r.groups.claim.find((c) => c.id === w.still.id)!;
    expect(still.text).toBe('The president is still in Damascus.');
    expect(still.note).toBe(`Official denial that ${mark('Assad')} has left`);
    expect(r.groups.quote[0]!.quote).toContain(mark('Assad'));
    expect(plain(r.groups.quote[0]!.quote)).toBe('Assad has reportedly left the country for an undisclosed destination');
    expect(r.groups.document[0]!.title).toBe(`${mark('Assad')} flies out as rebels enter the capital`);
  });

  it('cuts long quotes to a passage around the match', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const source = await makeSource(caller);
    const long = `${'Words before the point. '.repeat(30)}The convoy crossed into Lebanon at dawn. ${'Words after it. '.repeat(30)}`;
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, quote: long });
    const [hit] = (await caller.search.query({ q: 'convoy' })).groups.quote;
    expect(hit!.quote).toContain(mark('convoy'));
    expect(hit!.quote.length).toBeLessThan(250);
    expect(hit!.quote.startsWith('…')).toBe(true);
  });

  it('filters by kind, story, status, verdict, source, stance and date range', async () => {
    const { db, caller } = await freshCaller();
    const w = await world(caller);
    const q = 'assad';
    const only = async (input: Parameters<Caller['search']['query']>[0]) => {
      const r = await caller.search.query(input);
      return { claim: ids(r.groups.claim).sort(), quote: ids(r.groups.quote), source: ids(r.groups.source), document: ids(r.groups.document) };
    };
    const kindOnly = await caller.search.query({ q, kind: 'claim' });
    expect(kindOnly.groups.quote).toEqual([]);
    expect(kindOnly.groups.document).toEqual([]);
    expect(kindOnly.groups.claim).toHaveLength(2);

    expect((await only({ q, storyId: w.gaza.id })).claim).toEqual([]);
    expect((await only({ q, storyId: w.damascus.id })).claim).toHaveLength(2);
    expect((await only({ q, status: 'ready_for_review' })).claim).toEqual([w.still.id]);
    expect((await only({ q, status: 'ready_for_review' })).quote).toEqual([]);

    await db.updateTable('claim').set({ verdict: 3 }).where('id', '=', w.left.id).execute();
    expect((await only({ q, verdict: 3 })).claim).toEqual([w.left.id]);
    expect((await only({ q, verdict: 5 })).claim).toEqual([]);

    const bySource = await only({ q, sourceId: w.rami.id });
    expect(bySource.claim).toEqual([w.left.id]);
    expect(bySource.quote).toEqual([w.quote.id]);
    expect(bySource.document).toEqual([w.article.id]);
    // The publisher's documents count as its own.
    expect((await only({ q, sourceId: w.reuters.id })).document).toEqual([w.article.id]);
    expect((await only({ q: 'syrian', kind: 'source', sourceId: w.gov.id })).source).toEqual([w.gov.id]);
    // A source's affiliates come with it.
    expect((await only({ q: 'rami', kind: 'source', sourceId: w.sohr.id })).source).toEqual([w.rami.id]);

    expect((await only({ q, stance: 'denies' })).claim).toEqual([]);
    expect((await only({ q, stance: 'asserts' })).claim).toEqual([w.left.id, w.still.id].sort());
    expect((await only({ q: 'rami', kind: 'source', stance: 'denies' })).source).toEqual([]);

    expect((await only({ q: 'assad ceasefire', from: '2025-01-01' })).claim).toEqual([w.truce.id]);
    expect((await only({ q, from: '2024-12-08', to: '2024-12-08' })).claim).toEqual([w.left.id, w.still.id].sort());
    expect((await only({ q, to: '2024-12-07' }))).toEqual({ claim: [], quote: [], source: [], document: [] });
  });

  it('names the field when the date range runs backwards', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.search.query({ q: 'x', from: '2024-12-09', to: '2024-12-08' }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ to: 'The end date is before the start date' });
  });

  it('falls back to any word when no result has them all', async () => {
    const { caller } = await freshCaller();
    const w = await world(caller);
    const r = await caller.search.query({ q: 'did assad flee to moscow' });
    expect(r.matched).toBe('any');
    expect(ids(r.groups.claim)).toContain(w.left.id);
  });

  it('finds nothing, without error, for input that holds no word', async () => {
    const { caller } = await freshCaller();
    await world(caller);
    for (const q of ['', '   ', '"', '*', '()', 'AND', 'NEAR(', '^:-', '%_']) {
      expect((await caller.search.query({ q })).total, q).toBe(0);
    }
  });

  it('keeps the index in step with inserts, updates and deletes', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller, { text: 'Rebels captured Aleppo.' });
    expect(ids((await caller.search.query({ q: 'aleppo' })).groups.claim)).toEqual([claim.id]);
    await caller.claims.update({ id: claim.id, version: claim.version, text: 'Rebels captured Homs.', contextNote: 'Seen on footage from Hama' });
    expect((await caller.search.query({ q: 'aleppo' })).total).toBe(0);
    expect(ids((await caller.search.query({ q: 'homs' })).groups.claim)).toEqual([claim.id]);
    expect(ids((await caller.search.query({ q: 'hama' })).groups.claim)).toEqual([claim.id]);

    const source = await makeSource(caller, { name: 'Hayat Tahrir al-Sham', aliases: ['HTS'] });
    expect(ids((await caller.search.query({ q: 'hts' })).groups.source)).toEqual([source.id]);
    await caller.sources.update({ id: source.id, version: source.version, name: 'Hayat Tahrir al-Sham', kind: 'organization', aliases: ['Levant Liberation Committee'] });
    expect((await caller.search.query({ q: 'hts' })).total).toBe(0);
    expect(ids((await caller.search.query({ q: 'levant' })).groups.source)).toEqual([source.id]);

    const doc = await makeDocument(caller, { title: 'Rebels sweep south' });
    expect(ids((await caller.search.query({ q: 'sweep' })).groups.document)).toEqual([doc.id]);
    await caller.documents.delete({ id: doc.id, version: doc.version });
    expect((await caller.search.query({ q: 'sweep' })).total).toBe(0);

    const current = await caller.claims.get({ id: claim.id });
    await caller.claims.delete({ id: claim.id, version: current.version });
    expect((await caller.search.query({ q: 'homs' })).total).toBe(0);
  });

  it('indexes the rows that existed before the migration ran', async () => {
    const db = createDb(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
    const before = Object.keys(migrations).filter((name) => name < '0004_search');
    expect((await migrator.migrateTo(before.at(-1)!)).error).toBeUndefined();
    await loadDemoStory(db);
    await migrateToLatest(db);
    const caller = callerAs(db, await addUser(db, 'c', 'checker'));
    const r = await caller.search.query({ q: 'Assad left Syria' });
    expect(r.groups.claim.map((c) => plain(c.text))).toEqual(['Bashar al-Assad has left Syria.']);
    expect((await caller.search.query({ q: 'SOHR', kind: 'source' })).groups.source).not.toEqual([]);
    expect((await caller.search.query({ q: 'undisclosed destination', kind: 'quote' })).groups.quote).not.toEqual([]);
  });

  it('never raises on arbitrary input, query syntax included', async () => {
    const { caller } = await freshCaller();
    await world(caller);
    const syntax = fc
      .array(
        fc.constantFrom('"', "'", 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', 'NEAR/3', '*', '(', ')', '^', ':', '-', '+', '{', '}', 'text:', 'claim_fts', 'assad', 'syr', ' ', '\\', '%', '_', '\u0000', '\uE000', '\u0301'),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    const input = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: 'grapheme', maxLength: 60 }), syntax);
    await fc.assert(
      fc.asyncProperty(input, async (q) => {
        const r = await caller.search.query({ q });
        expect(r.total).toBeGreaterThanOrEqual(0);
        await caller.claims.list({ q });
      }),
      { numRuns: 300 },
    );
  });
});

describe('claims.similar', () => {
  it('suggests the existing claim for a reworded draft, best first, and nothing unrelated', async () => {
    const { db, caller } = await freshCaller();
    await loadDemoStory(db);
    const departure = (await caller.search.query({ q: 'Bashar al-Assad has left Syria', kind: 'claim' })).groups.claim[0]!;
    for (const draft of ['Assad has fled Syria', 'Assad left the country, Syria', 'Syrian president Bashar al-Assad has left', 'assad leaves syria']) {
      const similar = await caller.claims.similar({ text: draft });
      expect(similar[0]?.id, draft).toBe(departure.id);
      expect(similar[0]!.similarity).toBeGreaterThan(0.3);
    }
    const rebels = await caller.claims.similar({ text: 'Rebels took Aleppo, Homs and Hama' });
    expect(rebels[0]?.text).toBe('Rebels captured the cities of Aleppo, Homs and Hama.');
    expect(await caller.claims.similar({ text: 'The price of bread doubled in Cairo' })).toEqual([]);
    expect(await caller.claims.similar({ text: '' })).toEqual([]);
    expect(await caller.claims.similar({ text: '"*" AND (' })).toEqual([]);
  });

  it('leaves out the claim being edited and honours the limit', async () => {
    const { caller } = await freshCaller();
    const a = await makeClaim(caller, { text: 'Assad has left Syria.' });
    const b = await makeClaim(caller, { text: 'Assad has left Syria for Moscow.' });
    expect(ids(await caller.claims.similar({ text: 'Assad left Syria', excludeId: a.id }))).toEqual([b.id]);
    expect(await caller.claims.similar({ text: 'Assad left Syria', limit: 1 })).toHaveLength(1);
  });
});
