import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '~/db/client';
import { freshCaller } from '../helpers/db';
import {
  allPages,
  countRows,
  eventsWrittenBy,
  expectTRPCError,
  gradeSource,
  longText,
  makeAttribution,
  makeClaim,
  makeDocument,
  makeSource,
  snapshot,
} from '../helpers/fixtures';

const setCreatedAt = (db: DB, id: number, at: string) => sql`update document set created_at = ${at} where id = ${id}`.execute(db);

describe('documents.create and documents.get', () => {
  it('logs a document and reads it back with its publisher and the attributions it carries', async () => {
    const { caller } = await freshCaller();
    const outlet = await gradeSource(caller, await makeSource(caller, { name: 'Al Jazeera', kind: 'media_outlet' }), 'C');
    const doc = await caller.documents.create({
      url: ' https://www.aljazeera.com/news/2024/12/8/assad-left ',
      title: 'Assad has left Syria, says monitor',
      publisherId: outlet.id,
      publishedAt: '2024-12-08',
      retrievedAt: '2024-12-09',
      archiveUrl: 'https://web.archive.org/web/2024/https://www.aljazeera.com/news/2024/12/8/assad-left',
    });
    expect(doc).toMatchObject({ url: 'https://www.aljazeera.com/news/2024/12/8/assad-left', kind: 'article', version: 1 });

    const rami = await makeSource(caller, { name: 'Rami Abdurrahman', kind: 'person' });
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const claim = await makeClaim(caller, { text: 'Assad has left Syria' });
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: rami.id, viaSourceId: agency.id, documentId: doc.id, quote: 'left' });

    const got = await caller.documents.get({ id: doc.id });
    expect(got).toMatchObject({ ...doc, publisherName: 'Al Jazeera', publisherReliability: 'C' });
    expect(got.attributions).toEqual([
      {
        id: a.id,
        stance: 'asserts',
        quote: 'left',
        evidenceKind: 'statement',
        claimId: claim.id,
        claimText: 'Assad has left Syria',
        sourceId: rami.id,
        sourceName: 'Rami Abdurrahman',
        sourceReliability: 'F',
        viaSourceId: agency.id,
        viaSourceName: 'Agencies',
      },
    ]);
  });

  it('treats empty optional fields as none', async () => {
    const { caller } = await freshCaller();
    const doc = await makeDocument(caller, { archiveUrl: '', publishedAt: '', retrievedAt: null, publisherId: null });
    expect(doc).toMatchObject({ archiveUrl: null, publishedAt: null, retrievedAt: null, publisherId: null });
    expect(await caller.documents.get({ id: doc.id })).toMatchObject({ publisherName: null, attributions: [] });
  });

  it.each([
    ['url', { url: 'javascript:alert(1)' }, 'Enter a full web address starting with http:// or https://'],
    ['url', { url: 'data:text/html,<script>alert(1)</script>' }, 'Enter a full web address starting with http:// or https://'],
    ['url', { url: 'www.example.org/article' }, 'Enter a full web address starting with http:// or https://'],
    ['url', { url: '' }, 'Enter a URL'],
    ['url', { url: `https://example.org/${longText(1990)}` }, 'A URL can be 2000 characters at most'],
    ['archiveUrl', { archiveUrl: 'javascript:alert(1)' }, 'Enter a full web address starting with http:// or https://'],
    ['title', { title: '' }, 'Title is required'],
    ['title', { title: longText(501) }, 'Title can be 500 characters at most'],
    ['publishedAt', { publishedAt: '2024-02-30' }, 'Use a date like 2024-12-08'],
    ['retrievedAt', { retrievedAt: 'yesterday' }, 'Use a date like 2024-12-08'],
  ])('names the field %s when the input is invalid', async (field, input, message) => {
    const { db, caller } = await freshCaller();
    const err = await expectTRPCError(
      caller.documents.create({ url: 'https://example.org/a', title: 'A title', ...(input as object) }),
      'BAD_REQUEST',
    );
    expect(err.fieldErrors).toEqual({ [field]: message });
    expect(err.message).toBe(`${field}: ${message}`);
    expect((await countRows(db)).document).toBe(0);
  });

  it('refuses an unknown kind', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(makeDocument(caller, { kind: 'podcast' as never }), 'BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['kind']);
  });

  it('refuses a URL that is logged already', async () => {
    const { db, caller } = await freshCaller();
    await makeDocument(caller, { url: 'https://example.org/a' });
    const before = await snapshot(db);
    const err = await expectTRPCError(makeDocument(caller, { url: 'https://example.org/a' }), 'CONFLICT');
    expect(err).toMatchObject({ reason: 'duplicate', fieldErrors: { url: 'A document with this URL is logged already: pick it instead.' } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown publisher, naming the field, and writes nothing', async () => {
    const { db, caller } = await freshCaller();
    const err = await expectTRPCError(makeDocument(caller, { publisherId: 31 }), 'NOT_FOUND');
    expect(err.fieldErrors).toEqual({ publisherId: 'Source #31 does not exist (it may have been deleted).' });
    expect(await countRows(db)).toMatchObject({ document: 0, auditEvent: 0 });
  });

  it('answers NOT_FOUND for an unknown document', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.documents.get({ id: 4 }), 'NOT_FOUND');
    expect(err.message).toBe('Document #4 does not exist (it may have been deleted).');
  });
});

describe('documents.update', () => {
  it('updates the document and records one event with the changed fields', async () => {
    const { db, caller } = await freshCaller();
    const outlet = await makeSource(caller);
    const doc = await makeDocument(caller, { title: 'Draft title' });
    const events = await eventsWrittenBy(db, async () => {
      const updated = await caller.documents.update({
        id: doc.id,
        version: 1,
        url: doc.url,
        title: 'Final title',
        kind: 'video',
        publisherId: outlet.id,
      });
      expect(updated).toMatchObject({ title: 'Final title', kind: 'video', publisherId: outlet.id, version: 2 });
    });
    expect(events).toMatchObject([{ action: 'update', entity: 'document', entityId: doc.id }]);
    const [latest] = await caller.documents.history({ id: doc.id });
    expect(latest!.changes).toEqual([
      { field: 'title', from: 'Draft title', to: 'Final title' },
      { field: 'kind', from: 'article', to: 'video' },
      { field: 'publisherId', from: null, to: outlet.id },
    ]);
  });

  it('refuses another document’s URL but keeps its own', async () => {
    const { caller } = await freshCaller();
    const a = await makeDocument(caller);
    const b = await makeDocument(caller);
    await expect(caller.documents.update({ id: a.id, version: 1, url: a.url, title: 'Same URL' })).resolves.toBeTruthy();
    const err = await expectTRPCError(caller.documents.update({ id: b.id, version: 1, url: a.url, title: b.title }), 'CONFLICT');
    expect(err.fieldErrors).toEqual({ url: 'Another document has this URL.' });
  });

  it('refuses a javascript: URL, an unknown publisher and a stale version, changing nothing', async () => {
    const { db, caller } = await freshCaller();
    const doc = await makeDocument(caller);
    await caller.documents.update({ id: doc.id, version: 1, url: doc.url, title: 'Edited' });
    const before = await snapshot(db);
    const bad = await expectTRPCError(
      caller.documents.update({ id: doc.id, version: 2, url: 'javascript:alert(1)', title: 'Edited' }),
      'BAD_REQUEST',
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(['url']);
    const missing = await expectTRPCError(
      caller.documents.update({ id: doc.id, version: 2, url: doc.url, title: 'Edited', publisherId: 55 }),
      'NOT_FOUND',
    );
    expect(Object.keys(missing.fieldErrors ?? {})).toEqual(['publisherId']);
    const stale = await expectTRPCError(caller.documents.update({ id: doc.id, version: 1, url: doc.url, title: 'Lost' }), 'CONFLICT');
    expect(stale.reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.documents.update({ id: 99, version: 1, url: doc.url, title: 'x' }), 'NOT_FOUND');
  });
});

describe('documents.delete', () => {
  it('deletes an uncited document and records it', async () => {
    const { db, caller } = await freshCaller();
    const doc = await makeDocument(caller);
    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.documents.delete({ id: doc.id, version: 1 })).toEqual({ id: doc.id });
    });
    expect(events).toMatchObject([{ action: 'delete', entity: 'document', entityId: doc.id }]);
    await expectTRPCError(caller.documents.get({ id: doc.id }), 'NOT_FOUND');
  });

  it('refuses while attributions cite it, naming them, and deletes nothing', async () => {
    const { db, caller } = await freshCaller();
    const doc = await makeDocument(caller, { title: 'Assad flees' });
    const claim = await makeClaim(caller);
    const source = await makeSource(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, documentId: doc.id });
    await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, documentId: doc.id });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.documents.delete({ id: doc.id, version: 1 }), 'CONFLICT');
    expect(err.reason).toBe('in_use');
    expect(err.message).toBe('“Assad flees” cannot be deleted: 2 attributions cite it. Remove or move those first.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a stale version and an unknown document', async () => {
    const { db, caller } = await freshCaller();
    const doc = await makeDocument(caller);
    await caller.documents.update({ id: doc.id, version: 1, url: doc.url, title: 'Edited' });
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.documents.delete({ id: doc.id, version: 1 }), 'CONFLICT')).reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.documents.delete({ id: 123, version: 1 }), 'NOT_FOUND');
  });
});

describe('documents.list and documents.suggest', () => {
  it('lists newest first with publisher and attribution count; filters by text and publisher', async () => {
    const { caller } = await freshCaller();
    const outlet = await makeSource(caller, { name: 'Al Jazeera' });
    const first = await makeDocument(caller, { title: 'Rebels enter Damascus', publisherId: outlet.id });
    const second = await makeDocument(caller, { title: 'UN envoy urges talks', url: 'https://un.example/geneva-statement' });
    const claim = await makeClaim(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: outlet.id, documentId: first.id });

    const all = await caller.documents.list({});
    expect(all.items.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(all.items[1]).toMatchObject({ publisherId: outlet.id, publisherName: 'Al Jazeera', attributionCount: 1 });
    expect(all.items[0]).toMatchObject({ publisherName: null, attributionCount: 0 });
    const ids = async (input: Parameters<typeof caller.documents.list>[0]) => (await caller.documents.list(input)).items.map((d) => d.id);
    expect(await ids({ q: 'damascus' })).toEqual([first.id]);
    expect(await ids({ q: 'GENEVA' })).toEqual([second.id]); // in the URL only
    expect(await ids({ publisherId: outlet.id })).toEqual([first.id]);
  });

  it('walks every page without duplicates or omissions', async () => {
    const { db, caller } = await freshCaller();
    for (let i = 0; i < 17; i++) {
      const d = await makeDocument(caller);
      await setCreatedAt(db, d.id, `2024-12-0${(i % 3) + 1}T00:00:00.000Z`);
    }
    const whole = (await caller.documents.list({ limit: 100 })).items.map((d) => d.id);
    const pages = await allPages((cursor) => caller.documents.list({ limit: 4, cursor }));
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 1]);
    const walked = pages.flat().map((d) => d.id);
    expect(new Set(walked).size).toBe(17);
    expect(walked).toEqual(whole);
  });

  it('suggests documents by title or URL', async () => {
    const { caller } = await freshCaller();
    const outlet = await makeSource(caller, { name: 'Reuters' });
    const a = await makeDocument(caller, { title: 'Assad flees', url: 'https://reuters.example/world/1', publisherId: outlet.id });
    const b = await makeDocument(caller, { title: 'Tank in Umayyad square', url: 'https://x.example/assad-video' });
    expect((await caller.documents.suggest({ q: 'assad' })).map((d) => d.id)).toEqual([b.id, a.id]);
    expect(await caller.documents.suggest({ q: 'reuters.example' })).toEqual([
      { id: a.id, title: 'Assad flees', url: a.url, publishedAt: null, publisherName: 'Reuters' },
    ]);
    expect(await caller.documents.suggest({ q: '' })).toEqual([]);
  });
});

describe('documents.history', () => {
  it('shows the document’s changes and the attributions citing it, newest first', async () => {
    const { caller } = await freshCaller();
    const doc = await makeDocument(caller);
    const claim = await makeClaim(caller);
    const source = await makeSource(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: source.id, documentId: doc.id });
    await caller.attributions.delete({ id: a.id, version: a.version });
    const history = await caller.documents.history({ id: doc.id });
    expect(history.map((h) => [h.action, h.entity])).toEqual([
      ['delete', 'attribution'],
      ['create', 'attribution'],
      ['create', 'document'],
    ]);
    await expectTRPCError(caller.documents.history({ id: 777 }), 'NOT_FOUND');
  });
});
