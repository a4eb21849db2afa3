import type { DB } from './client';
import { createAttribution } from '~/server/attributions/attributions.service';
import { findSameAttribution } from '~/server/attributions/attributions.queries';
import { createClaim } from '~/server/claims/claims.service';
import { findDocumentByUrl } from '~/server/documents/documents.queries';
import { createDocument } from '~/server/documents/documents.service';
import { findLink } from '~/server/links/links.queries';
import { createLink } from '~/server/links/links.service';
import { findSourceByName } from '~/server/sources/sources.queries';
import { createSource, gradeSource } from '~/server/sources/sources.service';
import { findStoryByTitle } from '~/server/stories/stories.queries';
import { createStory } from '~/server/stories/stories.service';
import type { EvidenceKind, LinkKind, ReliabilityGrade, SourceKind, Stance } from './schema';

/**
 * The reference story (DESIGN.md §1), written in our own words with short verbatim quotes.
 * Loading is idempotent: every record is looked up by its natural key first, so loading
 * twice adds nothing. Everything goes through the services, so the demo has a history too.
 */

const STORY = {
  title: 'Fall of Damascus, Dec 2024',
  description:
    'Opposition forces reach the Syrian capital; reports that President Bashar al-Assad has left the country, and the government’s denial.',
};

const ARTICLE_URL = 'https://news.example.org/2024/12/08/assad-reportedly-leaves-syria';

type SourceSeed = {
  name: string;
  kind: SourceKind;
  aliases?: string[];
  affiliation?: string;
  role?: string;
  description?: string;
  homepage?: string;
  // A grade always comes with its rationale, as an editor's grade does.
} & ({ grade?: undefined; gradeNote?: undefined } | { grade: ReliabilityGrade; gradeNote: string });

const SOURCES: SourceSeed[] = [
  {
    name: 'Syrian Observatory for Human Rights',
    kind: 'ngo',
    aliases: ['SOHR', 'Syrian Observatory'],
    grade: 'B',
    gradeNote: 'Long-running monitor with contacts across Syria; usually right on facts on the ground, though it relies on a small team.',
    description: 'UK-based monitoring group that tracks the Syrian conflict through a network of contacts.',
    homepage: 'https://www.syriahr.com/en/',
  },
  {
    name: 'Rami Abdurrahman',
    kind: 'person',
    aliases: ['Rami Abdel Rahman'],
    affiliation: 'Syrian Observatory for Human Rights',
    role: 'head',
  },
  { name: 'News agencies (unnamed)', kind: 'wire_agency', aliases: ['agencies', 'wire services'], description: 'Agencies the outlet credits only as “inputs from agencies”.' },
  { name: 'Demo News Desk', kind: 'media_outlet', description: 'The outlet that published the reference article (a stand-in name for the demo).' },
  {
    name: 'Opposition-linked media',
    kind: 'media_outlet',
    aliases: ['opposition media'],
    grade: 'D',
    gradeNote: 'Not independent of the armed opposition; footage is real evidence but selectively shared.',
  },
  { name: 'Syrian opposition groups', kind: 'organization', aliases: ['opposition groups', 'rebels', 'insurgents', 'opposition forces'] },
  { name: 'Hayat Tahrir al-Sham', kind: 'organization', aliases: ['HTS'], affiliation: 'Syrian opposition groups', role: 'leading faction' },
  {
    name: 'Syrian government',
    kind: 'government_body',
    aliases: ['Government of Syria', 'Damascus government'],
    grade: 'E',
    gradeNote: 'A party to the conflict with a direct stake in denying the president’s departure.',
  },
  { name: 'United Nations', kind: 'organization', aliases: ['UN'], homepage: 'https://www.un.org/' },
  { name: 'Geir Pedersen', kind: 'person', affiliation: 'United Nations', role: 'UN envoy for Syria' },
  { name: 'Analysts (unnamed)', kind: 'anonymous_group', aliases: ['analysts'] },
  { name: 'Damascus residents', kind: 'anonymous_group', aliases: ['residents'] },
];

interface AttributionSeed {
  source: string;
  stance: Stance;
  quote: string;
  via?: string;
  evidence?: EvidenceKind;
}

interface ClaimSeed {
  key: string;
  text: string;
  note: string;
  attributions: AttributionSeed[];
}

const CLAIMS: ClaimSeed[] = [
  {
    key: 'left',
    text: 'Bashar al-Assad has left Syria.',
    note: 'Single named monitor, relayed through agencies; destination not given.',
    attributions: [
      {
        source: 'Rami Abdurrahman',
        stance: 'asserts',
        quote: 'has reportedly left the country for an undisclosed destination',
        via: 'News agencies (unnamed)',
      },
      { source: 'Syrian government', stance: 'denies', quote: 'government denials of Assad’s departure' },
    ],
  },
  {
    key: 'still-in-syria',
    text: 'Bashar al-Assad is still in Syria.',
    note: 'The government’s position as the article reports it; no direct quote from an official is given.',
    attributions: [{ source: 'Syrian government', stance: 'asserts', quote: 'government denials of Assad’s departure' }],
  },
  {
    key: 'entered',
    text: 'Opposition forces entered Damascus on 8 December 2024.',
    note: 'First entry into the capital since 2018, according to the groups themselves.',
    attributions: [
      { source: 'Syrian opposition groups', stance: 'asserts', quote: 'announced they had entered the Syrian capital for the first time since 2018' },
      { source: 'Opposition-linked media', stance: 'asserts', quote: 'showed a tank in a central square', evidence: 'footage' },
    ],
  },
  {
    key: 'cities',
    text: 'Rebels captured the cities of Aleppo, Homs and Hama.',
    note: 'Stated by the outlet in its own voice, from agency material.',
    attributions: [
      { source: 'Demo News Desk', stance: 'asserts', quote: 'capture key areas, including the cities of Aleppo, Homs, and Hama', via: 'News agencies (unnamed)' },
    ],
  },
  {
    key: 'saydnaya',
    text: 'Opposition groups took control of Saydnaya military prison and freed its inmates.',
    note: 'Hedged in the report (“reportedly”).',
    attributions: [
      { source: 'Demo News Desk', stance: 'reports', quote: 'have reportedly taken control of the notorious Saydnaya military prison', via: 'News agencies (unnamed)' },
    ],
  },
  {
    key: 'retreat',
    text: 'Government forces retreated to areas outside Homs.',
    note: 'The report says they “appear to have” retreated.',
    attributions: [{ source: 'Demo News Desk', stance: 'reports', quote: 'appear to have retreated to areas outside Homs', via: 'News agencies (unnamed)' }],
  },
  {
    key: 'hts',
    text: 'The offensive is led by Hayat Tahrir al-Sham (HTS).',
    note: '',
    attributions: [{ source: 'Demo News Desk', stance: 'asserts', quote: 'led by the Hayat Tahrir al-Sham (HTS) group', via: 'News agencies (unnamed)' }],
  },
  {
    key: 'allies',
    text: 'Dwindling support from Russia, Iran and Hezbollah weakened Assad’s position.',
    note: 'An assessment, not an event: attributed to unnamed analysts.',
    attributions: [{ source: 'Analysts (unnamed)', stance: 'asserts', quote: 'dwindling support from allies like Russia, Iran, and Hezbollah' }],
  },
  {
    key: 'pedersen',
    text: 'UN envoy Geir Pedersen urged immediate talks on a political transition in Syria.',
    note: '',
    attributions: [{ source: 'Geir Pedersen', stance: 'asserts', quote: 'urged immediate talks to facilitate a political transition', via: 'News agencies (unnamed)' }],
  },
  {
    key: 'fleeing',
    text: 'Thousands of Damascus residents are fleeing toward Lebanon.',
    note: 'Border crossings reported shut.',
    attributions: [{ source: 'Demo News Desk', stance: 'asserts', quote: 'thousands fleeing toward Lebanon', via: 'News agencies (unnamed)', evidence: 'eyewitness' }],
  },
];

const LINKS: { from: string; to: string; kind: LinkKind; note: string }[] = [
  { from: 'still-in-syria', to: 'left', kind: 'contradicts', note: 'The government’s denial against the monitor’s report.' },
  { from: 'entered', to: 'left', kind: 'supports', note: 'The capital’s fall makes a departure plausible; it does not establish it.' },
  { from: 'retreat', to: 'cities', kind: 'supports', note: 'A retreat from Homs fits its capture.' },
];

/**
 * `grader`: the user id the demo's source grades are recorded under (the demo editor in demo
 * mode), so the history shows who graded what; null records them as the seed's.
 */
export async function loadDemoStory(db: DB, options: { grader?: string | null } = {}): Promise<{ created: number }> {
  let created = 0;
  const story = (await findStoryByTitle(db, STORY.title)) ?? (created++, await createStory(db, null, STORY));

  const sourceId = new Map<string, number>();
  for (const s of SOURCES) {
    let row = await findSourceByName(db, s.name);
    if (!row) {
      created++;
      row = await createSource(db, null, {
        name: s.name,
        kind: s.kind,
        description: s.description ?? '',
        affiliationId: s.affiliation ? sourceId.get(s.affiliation)! : null,
        affiliationRole: s.role ?? '',
        homepage: s.homepage ?? null,
        aliases: s.aliases ?? [],
      });
    }
    // Sources are created ungraded; grading is an editor's act with its own history entry.
    if (s.grade && (row.reliability !== s.grade || row.reliabilityNote !== s.gradeNote)) {
      row = await gradeSource(db, options.grader ?? null, {
        id: row.id,
        version: row.version,
        reliability: s.grade,
        reliabilityNote: s.gradeNote,
      });
    }
    sourceId.set(s.name, row.id);
  }

  const doc =
    (await findDocumentByUrl(db, ARTICLE_URL)) ??
    (created++,
    await createDocument(db, null, {
      url: ARTICLE_URL,
      title: 'Assad reportedly leaves Syria as opposition forces enter Damascus',
      kind: 'article',
      publisherId: sourceId.get('Demo News Desk')!,
      publishedAt: '2024-12-08',
      retrievedAt: '2024-12-08',
      archiveUrl: null,
    }));

  const claimId = new Map<string, number>();
  for (const c of CLAIMS) {
    const existing = await db.selectFrom('claim').select('id').where('text', '=', c.text).executeTakeFirst();
    const id =
      existing?.id ??
      (created++,
      (await createClaim(db, null, { text: c.text, contextNote: c.note, eventDate: '2024-12-08', status: 'open', storyId: story.id })).id);
    claimId.set(c.key, id);
    for (const a of c.attributions) {
      const refs = { claimId: id, sourceId: sourceId.get(a.source)!, stance: a.stance, documentId: doc.id, quote: a.quote };
      if (await findSameAttribution(db, refs)) continue;
      created++;
      await createAttribution(db, null, {
        ...refs,
        viaSourceId: a.via ? sourceId.get(a.via)! : null,
        evidenceKind: a.evidence ?? 'statement',
        note: '',
        newSource: null,
        newDocument: null,
      });
    }
  }

  for (const l of LINKS) {
    let from = claimId.get(l.from)!;
    let to = claimId.get(l.to)!;
    if (l.kind === 'contradicts' && from > to) [from, to] = [to, from];
    if (await findLink(db, from, to, l.kind)) continue;
    created++;
    await createLink(db, null, { fromClaimId: from, toClaimId: to, kind: l.kind, note: l.note });
  }
  return { created };
}
