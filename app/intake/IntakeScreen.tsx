'use client';

import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  List,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload, IconSearch } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { acceptIntakeInput, extractIntakeInput, type AcceptIntakeInput } from '~/server/intake/intake.schema';
import {
  EVIDENCE_KINDS,
  EVIDENCE_LABEL,
  SOURCE_KINDS,
  SOURCE_KIND_LABEL,
  STANCES,
  STANCE_LABEL,
  type EvidenceKind,
  type SourceKind,
  type Stance,
} from '~/server/shared/enums';
import type { RouterOutputs } from '~/server/root';
import { StanceBadge } from '../_components/badges';
import { readServerError } from '../_components/forms';
import { PageHeader } from '../_components/PageHeader';
import { useInvalidate } from '../_trpc/invalidate';
import { useTRPC } from '../_trpc/react';
import { SourcePicker, type Picked } from '../_widgets/pickers';
import { ROLE_ORDER, runsOf, type SpanRole } from './highlight';
import styles from './intake.module.css';
import { isHtmlFile, readableFromHtml } from './readable';

type Proposal = RouterOutputs['intake']['extract']['proposals'][number];
type Accepted = RouterOutputs['intake']['accept'];

interface ArticleValues {
  url: string;
  title: string;
  publisher: Picked | null;
  publishedAt: string;
  text: string;
}

/** The checker's decision on one proposal, as edited on its card. */
interface Draft {
  accepted: boolean;
  /** 'new', or the id of an existing claim to attach the evidence to. */
  claimChoice: string;
  claimText: string;
  source: Picked | null;
  newSource: { name: string; kind: SourceKind | '' } | null;
  stance: Stance;
  evidenceKind: EvidenceKind;
}

const ROLE_LABEL: Record<SpanRole, string> = { source: 'Source', cue: 'Cue', content: 'Content' };

function draftOf(p: Proposal): Draft {
  const m = p.matchedSource;
  return {
    accepted: true,
    claimChoice: 'new',
    claimText: p.claimText,
    source: m ? { id: m.id, label: m.name } : null,
    newSource: m ? null : { name: p.suggestedSource?.name ?? '', kind: p.suggestedSource?.kind ?? '' },
    stance: p.stance,
    evidenceKind: p.evidenceKind,
  };
}

function toDocument(v: ArticleValues) {
  return { url: v.url, title: v.title, kind: 'article' as const, publisherId: v.publisher?.id ?? null, publishedAt: v.publishedAt };
}

function toProposal(p: Proposal, d: Draft): AcceptIntakeInput['proposals'][number] {
  const existing = d.claimChoice !== 'new';
  return {
    claimId: existing ? Number(d.claimChoice) : null,
    claimText: existing ? null : d.claimText,
    sourceId: d.newSource ? null : (d.source?.id ?? null),
    newSource: d.newSource ? { name: d.newSource.name, kind: d.newSource.kind as SourceKind } : null,
    stance: d.stance,
    quote: p.quote,
    evidenceKind: d.evidenceKind,
  };
}

/** Issues keyed by dot path → message (first one per field). */
function issuesOf(err: { issues: { path: PropertyKey[]; message: string }[] }) {
  const out: Record<string, string> = {};
  for (const i of err.issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}

/** From an article to claims and attributions: paste or upload, find, check, accept. */
export function IntakeScreen() {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const extract = useMutation(trpc.intake.extract.mutationOptions());
  const accept = useMutation(trpc.intake.accept.mutationOptions());

  const form = useForm<ArticleValues>({
    initialValues: { url: '', title: '', publisher: null, publishedAt: '', text: '' },
  });
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [foundTotal, setFoundTotal] = useState(0);
  /** The text the proposals' offsets point into (the textarea may be edited afterwards). */
  const [analysed, setAnalysed] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [cardErrors, setCardErrors] = useState<Record<number, Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Accepted | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [publisherKey, setPublisherKey] = useState(0);
  const proposalsHeading = useRef<HTMLHeadingElement>(null);
  // Which heading takes the focus once it is on screen (after a result renders): a frame timer
  // could fire before React commits the new heading, and the focus would be lost.
  const [focusNext, setFocusNext] = useState<'proposals' | 'summary' | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const el = focusNext === 'proposals' ? proposalsHeading.current : focusNext === 'summary' ? summaryHeading.current : null;
    if (!el) return;
    el.focus();
    setFocusNext(null);
  });

  const setDraft = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const selected = drafts.filter((d) => d.accepted).length;

  async function loadFile(file: File | null) {
    if (!file) return;
    setError(null);
    const raw = await file.text();
    if (!isHtmlFile(file)) {
      form.setFieldValue('text', raw);
      return;
    }
    const a = await readableFromHtml(raw);
    form.setValues((v) => ({
      text: a.text,
      title: v.title || a.title,
      url: v.url || a.url,
      publishedAt: v.publishedAt || a.publishedAt,
    }));
  }

  async function find(values: ArticleValues) {
    setError(null);
    setResult(null);
    const parsed = extractIntakeInput.safeParse({ text: values.text });
    if (!parsed.success) {
      form.setErrors(issuesOf(parsed.error));
      return;
    }
    try {
      const { proposals: found, found: total } = await extract.mutateAsync({ text: values.text });
      setAnalysed(values.text);
      setProposals(found);
      setFoundTotal(total);
      setDrafts(found.map(draftOf));
      setCardErrors({});
      setFocusNext('proposals');
    } catch (err) {
      const e = readServerError(err);
      form.setErrors(e.fieldErrors);
      setError(e.message);
    }
  }

  async function acceptSelected() {
    if (!proposals) return;
    setError(null);
    const chosen = drafts.map((d, i) => ({ d, i })).filter((x) => x.d.accepted);
    const payload: AcceptIntakeInput = {
      document: toDocument(form.values),
      proposals: chosen.map(({ d, i }) => toProposal(proposals[i]!, d)),
    };
    const show = (errors: Record<string, string>, message: string) => {
      const docErrors: Record<string, string> = {};
      const byCard: Record<number, Record<string, string>> = {};
      for (const [k, v] of Object.entries(errors)) {
        const m = /^proposals\.(\d+)\.(.+)$/.exec(k);
        if (m) {
          const card = chosen[Number(m[1])]!.i;
          (byCard[card] ??= {})[m[2]!] = v;
        } else if (k.startsWith('document.')) docErrors[k.slice('document.'.length).replace('publisherId', 'publisher')] = v;
      }
      form.setErrors(docErrors);
      setCardErrors(byCard);
      setError(message);
    };
    const parsed = acceptIntakeInput.safeParse(payload);
    if (!parsed.success) {
      const errors = issuesOf(parsed.error);
      show(errors, errors.proposals ?? 'Some fields need attention: see the messages beside them.');
      return;
    }
    try {
      const r = await accept.mutateAsync(payload);
      await invalidate('claims', 'sources', 'documents');
      setCardErrors({});
      setResult(r);
      setFocusNext('summary');
    } catch (err) {
      const e = readServerError(err);
      show(e.fieldErrors, e.message);
    }
  }

  function startOver() {
    form.reset();
    setPublisherKey((k) => k + 1);
    setProposals(null);
    setDrafts([]);
    setResult(null);
    setError(null);
  }

  return (
    <>
      <PageHeader
        title="Article intake"
        subtitle="Paste or upload an article: Corroborate proposes who said what; you confirm, correct or reject each proposal, then log them in one go."
      />
      {result ? (
        <Summary result={result} headingRef={summaryHeading} onAgain={startOver} />
      ) : (
        <Stack gap="md">
          <Card withBorder padding="md" component="section" aria-labelledby="article-heading">
            <form noValidate onSubmit={form.onSubmit(find)}>
              <Stack gap="sm">
                <Title order={2} size="h4" id="article-heading">
                  Article
                </Title>
                <Group grow align="flex-start">
                  <TextInput label="URL" required placeholder="https://…" {...form.getInputProps('url')} />
                  <TextInput label="Title" required {...form.getInputProps('title')} />
                </Group>
                <Group grow align="flex-start">
                  <SourcePicker
                    key={publisherKey}
                    label="Publisher"
                    description="The outlet that published it"
                    value={form.values.publisher}
                    onChange={(p) => form.setFieldValue('publisher', p)}
                    error={form.errors.publisher}
                  />
                  <TextInput type="date" label="Published" description="Date of publication" {...form.getInputProps('publishedAt')} />
                </Group>
                {proposals ? (
                  <>
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed">
                        {foundTotal.toLocaleString('en')} proposal{foundTotal === 1 ? '' : 's'} found in {analysed.length.toLocaleString('en')} characters.
                      </Text>
                      <Button variant="default" onClick={() => setProposals(null)}>
                        Edit the text
                      </Button>
                    </Group>
                    {foundTotal > proposals.length && (
                      <Alert color="yellow" title="Only the first part of the text">
                        Showing the first {proposals.length} of {foundTotal.toLocaleString('en')} proposals. This is more than one
                        article holds: edit the text down to one article, or take it in parts.
                      </Alert>
                    )}
                  </>
                ) : (
                  <>
                    <FileInput
                      label="Upload a file"
                      description="A .txt file, or a saved web page (.html): its readable text replaces the text below"
                      placeholder="Choose a .txt or .html file"
                      accept=".txt,.html,.htm,text/plain,text/html"
                      leftSection={<IconFileUpload size={16} aria-hidden />}
                      clearable
                      onChange={(f) => void loadFile(f)}
                    />
                    <Textarea
                      label="Article text"
                      description="Plain text of the article (up to 2 MB)"
                      required
                      autosize
                      minRows={8}
                      maxRows={24}
                      {...form.getInputProps('text')}
                    />
                    {error && (
                      <Alert color="red" title="Could not analyse the article" role="alert">
                        {error}
                      </Alert>
                    )}
                    <Group justify="flex-end">
                      <Button type="submit" loading={extract.isPending} leftSection={<IconSearch size={16} aria-hidden />}>
                        Find attributions
                      </Button>
                    </Group>
                  </>
                )}
              </Stack>
            </form>
          </Card>

          {proposals && (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                {/* Sticky beside the proposals on wide screens: the spans stay in view while reviewing. */}
                <Card withBorder padding="md" component="section" aria-labelledby="text-heading" className={styles.textPane}>
                  <Title order={2} size="h4" id="text-heading" mb="xs">
                    Text
                  </Title>
                  <Legend />
                  <HighlightedText text={analysed} proposals={proposals} drafts={drafts} active={active} />
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <section aria-labelledby="proposals-heading">
                  <Group justify="space-between" mb="xs">
                    <Title order={2} size="h4" id="proposals-heading" ref={proposalsHeading} tabIndex={-1}>
                      Proposals ({proposals.length})
                    </Title>
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setDrafts((ds) => ds.map((d) => ({ ...d, accepted: true })))}>
                        Accept all
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDrafts((ds) => ds.map((d) => ({ ...d, accepted: false })))}>
                        Reject all
                      </Button>
                    </Group>
                  </Group>
                  {proposals.length === 0 ? (
                    <Text c="dimmed">No attributions found. Check the text, or log claims by hand from the Claims screen.</Text>
                  ) : (
                    <form
                      noValidate
                      onSubmit={(e) => {
                        e.preventDefault();
                        void acceptSelected();
                      }}
                    >
                      <Stack gap="sm">
                        {proposals.map((p, i) => (
                          <ProposalCard
                            key={p.index}
                            n={i + 1}
                            proposal={p}
                            draft={drafts[i]!}
                            errors={cardErrors[i] ?? {}}
                            onChange={(patch) => setDraft(i, patch)}
                            onFocus={() => setActive(i)}
                          />
                        ))}
                        {error && (
                          <Alert color="red" title="Not logged" role="alert">
                            {error}
                          </Alert>
                        )}
                        <Group justify="flex-end">
                          <Button type="submit" loading={accept.isPending} disabled={selected === 0}>
                            Accept selected ({selected})
                          </Button>
                        </Group>
                      </Stack>
                    </form>
                  )}
                </section>
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      )}
    </>
  );
}

function Legend() {
  return (
    <Group gap="md" mb="sm" aria-label="Legend" role="group">
      {(['source', 'cue', 'content'] as const).map((r) => (
        <Text key={r} size="xs" component="span">
          <mark className={`${styles[r]} ${styles.swatch}`}>{ROLE_LABEL[r]}</mark>{' '}
          {r === 'source' ? 'who (solid underline)' : r === 'cue' ? 'how (bold)' : 'what (dashed underline)'}
        </Text>
      ))}
      <Text size="xs" component="span">
        <sup className={styles.label}>1</sup> proposal number
      </Text>
    </Group>
  );
}

function HighlightedText({ text, proposals, drafts, active }: { text: string; proposals: Proposal[]; drafts: Draft[]; active: number | null }) {
  const runs = useMemo(
    () =>
      runsOf(
        text.length,
        proposals.flatMap((p, i) => [
          { proposal: i, role: 'source' as const, pieces: p.source },
          { proposal: i, role: 'cue' as const, pieces: p.cue },
          { proposal: i, role: 'content' as const, pieces: p.content },
        ]),
      ),
    [text, proposals],
  );
  // The proposal being edited: bring its first span into view inside the text's scroll box.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    const mark = el?.querySelector<HTMLElement>('mark[data-active]');
    if (!el || !mark) return;
    if (mark.offsetTop < el.scrollTop || mark.offsetTop + mark.offsetHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, mark.offsetTop - el.clientHeight / 3);
    }
  }, [active]);
  return (
    <div className={styles.article} data-testid="intake-text" ref={box}>
      {runs.map((r) => {
        const chunk = text.slice(r.start, r.end);
        const shown = r.marks.filter((m) => drafts[m.proposal]?.accepted !== false);
        if (!shown.length) return <Fragment key={r.start}>{chunk}</Fragment>;
        const top = ROLE_ORDER.map((role) => shown.find((m) => m.role === role)).find(Boolean)!;
        const starting = shown.filter((m) => m.starts);
        const isActive = shown.some((m) => m.proposal === active);
        return (
          <Fragment key={r.start}>
            {starting
              .filter((m) => m.role === 'cue')
              .map((m) => (
                <sup key={`n${m.proposal}`} className={styles.label} aria-hidden>
                  {m.proposal + 1}
                </sup>
              ))}
            {starting.length > 0 && (
              <VisuallyHidden>{starting.map((m) => `${ROLE_LABEL[m.role]} of proposal ${m.proposal + 1}:`).join(' ')}</VisuallyHidden>
            )}
            <mark className={`${styles[top.role]} ${isActive ? styles.active : ''}`} data-role={top.role} data-active={isActive || undefined}>
              {chunk}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
}

function ProposalCard({
  n,
  proposal: p,
  draft: d,
  errors,
  onChange,
  onFocus,
}: {
  n: number;
  proposal: Proposal;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (patch: Partial<Draft>) => void;
  onFocus: () => void;
}) {
  const m = p.matchedSource;
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={`Proposal ${n}`}
      onFocusCapture={onFocus}
      onMouseEnter={onFocus}
      style={d.accepted ? undefined : { opacity: 0.65 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} size="sm">
                {n}.
              </Text>
              <StanceBadge stance={d.stance} />
              <Text size="sm">
                <strong>{p.sourceText || 'Unnamed source'}</strong> <Text span c="dimmed">{p.cueText}</Text>
              </Text>
            </Group>
            <Text size="sm" className="cb-quote" lineClamp={4}>
              {p.quote}
            </Text>
          </Stack>
          <Switch
            label="Accept"
            checked={d.accepted}
            onChange={(e) => onChange({ accepted: e.currentTarget.checked })}
            aria-label={`Accept proposal ${n}`}
          />
        </Group>
        {d.accepted && (
          <>
            {d.newSource ? (
              <Card withBorder padding="xs" bg="gray.0">
                <Group justify="space-between" mb={4}>
                  <Text size="sm" fw={600}>
                    Create new source
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => onChange({ newSource: null })}>
                    Pick an existing source instead
                  </Button>
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label="New source name"
                    required
                    value={d.newSource.name}
                    onChange={(e) => onChange({ newSource: { ...d.newSource!, name: e.currentTarget.value } })}
                    error={errors['newSource.name']}
                  />
                  <Select
                    label="Kind"
                    required
                    placeholder="What kind of source"
                    data={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] }))}
                    value={d.newSource.kind || null}
                    onChange={(v) => onChange({ newSource: { ...d.newSource!, kind: (v as SourceKind) ?? '' } })}
                    error={errors['newSource.kind']}
                  />
                </Group>
              </Card>
            ) : (
              <SourcePicker
                label="Source"
                required
                description={
                  m && d.source?.id === m.id
                    ? m.matchedBy === 'partial'
                      ? `Possible match for “${m.matchedText}”: check it`
                      : `Matched by ${m.matchedBy} “${m.matchedText}”`
                    : undefined
                }
                value={d.source}
                onChange={(v) => onChange({ source: v })}
                error={errors.sourceId}
                onCreate={(name) => onChange({ newSource: { name, kind: p.suggestedSource?.kind ?? '' } })}
              />
            )}
            <Group grow align="flex-start">
              <Select
                label="Stance"
                data={STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }))}
                value={d.stance}
                allowDeselect={false}
                onChange={(v) => v && onChange({ stance: v as Stance })}
                error={errors.stance}
              />
              <Select
                label="Evidence kind"
                data={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_LABEL[k] }))}
                value={d.evidenceKind}
                allowDeselect={false}
                onChange={(v) => v && onChange({ evidenceKind: v as EvidenceKind })}
              />
            </Group>
            <Radio.Group
              label="Claim"
              description={p.similarClaims.length ? 'Attach the evidence to a claim already logged, or log a new one' : undefined}
              value={d.claimChoice}
              onChange={(v) => onChange({ claimChoice: v })}
              error={errors.claimId}
            >
              <Stack gap={6} mt={6}>
                <Radio value="new" label="New claim, in these words:" />
                <Textarea
                  aria-label={`Claim text of proposal ${n}`}
                  autosize
                  minRows={1}
                  maxRows={4}
                  value={d.claimText}
                  disabled={d.claimChoice !== 'new'}
                  onChange={(e) => onChange({ claimText: e.currentTarget.value })}
                  error={errors.claimText}
                />
                {p.similarClaims.map((c) => (
                  <Radio
                    key={c.id}
                    value={String(c.id)}
                    label={
                      <>
                        Similar claim #{c.id}: {c.text}
                      </>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
            {errors.quote && (
              <Text size="sm" c="red.8" role="alert">
                {errors.quote}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Summary({ result, headingRef, onAgain }: { result: Accepted; headingRef: React.Ref<HTMLHeadingElement>; onAgain: () => void }) {
  const c = result.created;
  const r = result.reused;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="summary-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="summary-heading" ref={headingRef} tabIndex={-1}>
          Logged
        </Title>
        <Text size="sm">
          In{' '}
          <Anchor component={Link} href={`/documents/${result.document.id}`}>
            {result.document.title}
          </Anchor>{' '}
          ({result.document.created ? 'new document' : 'document logged before'}): created {plural(c.claims, 'claim')}, {plural(c.sources, 'source')}{' '}
          and {plural(c.attributions, 'attribution')}; reused {plural(r.claims, 'claim')} and {plural(r.sources, 'source')}
          {r.attributions ? `; ${plural(r.attributions, 'attribution')} were logged already and were skipped` : ''}.
        </Text>
        <List spacing={4} size="sm">
          {result.items.map((i) => (
            <List.Item key={`${i.attribution.id}`}>
              <Anchor component={Link} href={`/sources/${i.source.id}`}>
                {i.source.name}
              </Anchor>
              {i.source.created ? ' (new)' : ''} <StanceBadge stance={i.stance} />{' '}
              <Anchor component={Link} href={`/claims/${i.claim.id}`}>
                {i.claim.text}
              </Anchor>
              {i.claim.created ? ' (new claim)' : ''}
              {i.attribution.created ? '' : ' — already logged, skipped'}
            </List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={onAgain}>Take in another article</Button>
        </Group>
      </Stack>
    </Card>
  );
}
