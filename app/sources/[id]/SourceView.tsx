'use client';

import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconExternalLink, IconPencil, IconScale } from '@tabler/icons-react';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Fragment, useState } from 'react';
import type { RouterOutputs } from '~/server/root';
import {
  DOCUMENT_KIND_LABEL,
  EVIDENCE_LABEL,
  GRADE_LABEL,
  SOURCE_KIND_LABEL,
  STANCES,
  type DocumentKind,
  type EvidenceKind,
  type ReliabilityGrade,
  type SourceKind,
  type Stance,
} from '~/server/shared/enums';
import { GradeBadge, StanceBadge } from '../../_components/badges';
import { formatDate, hostOf, plural, safeHref } from '../../_components/format';
import { HistoryList } from '../../_components/HistoryList';
import { useCan } from '../../_components/me';
import { PageHeader } from '../../_components/PageHeader';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import { SourceForm, sourceInputOf } from '../SourceForm';
import { GradeSourceForm } from './GradeSourceForm';

type SourceDetail = RouterOutputs['sources']['get'];
type SourceClaim = SourceDetail['claims'][number];

const STANCE_HEADING: Record<Stance, string> = { asserts: 'Asserts', denies: 'Denies', reports: 'Reports without endorsing' };

export function SourceView({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  // Deleting and grading need an editor (the server refuses anyone else); other roles do not see the buttons.
  const canDelete = useCan('editor');
  const canGrade = useCan('editor');
  const { data: source, refetch } = useSuspenseQuery(trpc.sources.get.queryOptions({ id }));
  // Open on the first tab with something in it (an outlet may have documents but no claims).
  const [tab, setTab] = useState<string | null>(() =>
    source.claims.length ? 'claims' : source.members.length ? 'members' : source.documents.length ? 'documents' : 'claims',
  );
  const history = useQuery(trpc.sources.history.queryOptions({ id }, { enabled: tab === 'history' }));
  // The record as it was when editing began: its version is what the update sends.
  const [draft, setDraft] = useState<SourceDetail | null>(null);
  const update = useMutation(trpc.sources.update.mutationOptions());
  // The source as it was when grading began: its version is what the grade sends.
  const [grading, setGrading] = useState<SourceDetail | null>(null);
  const gradeMutation = useMutation(trpc.sources.grade.mutationOptions());
  const remove = useMutation(trpc.sources.delete.mutationOptions());

  const direct = source.claims.filter((c) => c.role === 'direct');
  const relayed = source.claims.filter((c) => c.role === 'relayed');
  const byStance = Object.fromEntries(STANCES.map((s) => [s, direct.filter((c) => c.stance === s)])) as Record<Stance, SourceClaim[]>;
  const grade = source.reliability as ReliabilityGrade;
  const homepage = safeHref(source.homepage);
  const parent = source.affiliationChain[0];
  const dependents = [
    direct.length && plural(direct.length, 'attribution'),
    relayed.length && `${plural(relayed.length, 'relayed attribution')}`,
    source.documents.length && plural(source.documents.length, 'published document'),
    source.members.length && plural(source.members.length, 'member'),
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        crumbs={[{ href: '/sources', label: 'Sources' }]}
        title={source.name}
        actions={
          <Button variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setDraft(source)}>
            Edit
          </Button>
        }
        subtitle={
          <Group gap="xs">
            <Badge variant="outline" color="gray" tt="none">
              {SOURCE_KIND_LABEL[source.kind as SourceKind]}
            </Badge>
            <GradeBadge grade={grade} />
            <span>
              {GRADE_LABEL[grade]} · {plural(direct.length, 'attribution')}
              {relayed.length > 0 && ` · relayed ${relayed.length}`} · added {formatDate(source.createdAt)}
            </span>
          </Group>
        }
      />

      {source.affiliationChain.length > 0 && (
        <Group component="nav" aria-label="Affiliation" gap={6} mb="md" mt={-8} wrap="wrap">
          <Text size="sm" fw={550}>
            {source.name}
          </Text>
          {source.affiliationChain.map((s, i) => {
            // The role of each link is stored on the source below it in the chain.
            const role = i === 0 ? source.affiliationRole : source.affiliationChain[i - 1]!.affiliationRole;
            return (
              <Fragment key={s.id}>
                <IconChevronRight size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" component="span">
                  <Text span c="dimmed" size="sm">
                    {role || 'part of'}{' '}
                  </Text>
                  <Link href={`/sources/${s.id}`} className="cb-link">
                    {s.name}
                  </Link>
                </Text>
              </Fragment>
            );
          })}
        </Group>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
        <Card withBorder padding="sm" component="section" aria-labelledby="reliability-h">
          <Group justify="space-between" align="flex-start" mb={6} wrap="nowrap">
            <Title order={2} size="h6" id="reliability-h" c="dimmed" tt="uppercase">
              Reliability
            </Title>
            {canGrade && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconScale size={14} aria-hidden />}
                onClick={() => setGrading(source)}
                aria-label={`Grade ${source.name}`}
              >
                Grade…
              </Button>
            )}
          </Group>
          <Group gap="xs" mb={4}>
            <GradeBadge grade={grade} />
            <Text size="sm" fw={600}>
              {GRADE_LABEL[grade]}
            </Text>
          </Group>
          <Text size="sm" c={source.reliabilityNote ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {source.reliabilityNote || (grade === 'F' ? 'Not graded yet.' : 'No rationale recorded for this grade.')}
          </Text>
          <TrackRecord record={source.trackRecord} use={source.trackRecordUse} />
        </Card>
        <Card withBorder padding="sm" component="section" aria-labelledby="about-h">
          <Title order={2} size="h6" id="about-h" c="dimmed" tt="uppercase" mb={6}>
            About
          </Title>
          <Stack gap={6}>
            {source.description ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {source.description}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                No description.
              </Text>
            )}
            <Group gap={6} wrap="wrap">
              <Text size="sm" c="dimmed">
                Also known as:
              </Text>
              {source.aliases.length ? (
                source.aliases.map((a) => (
                  <Badge key={a} variant="light" color="gray" tt="none" fw={500}>
                    {a}
                  </Badge>
                ))
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Group>
            {parent && (
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  Affiliation:{' '}
                </Text>
                {source.affiliationRole ? `${source.affiliationRole}, ` : ''}
                <Link href={`/sources/${parent.id}`} className="cb-link">
                  {parent.name}
                </Link>
              </Text>
            )}
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                Homepage:{' '}
              </Text>
              {homepage ? (
                <Anchor href={homepage} target="_blank" rel="noopener noreferrer" size="sm">
                  {hostOf(homepage)}
                  <IconExternalLink size={12} aria-label="(opens in a new tab)" style={{ marginLeft: 3, verticalAlign: -1 }} />
                </Anchor>
              ) : (
                <Text span c="dimmed" size="sm">
                  {source.homepage ? 'not a web link' : '—'}
                </Text>
              )}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="claims">Claims ({source.claims.length})</Tabs.Tab>
          <Tabs.Tab value="members">Members ({source.members.length})</Tabs.Tab>
          <Tabs.Tab value="documents">Documents ({source.documents.length})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="claims">
          {source.claims.length === 0 ? (
            <Text c="dimmed" size="sm">
              No claims are attributed to this source yet. Attributions are added from a claim’s page.
            </Text>
          ) : (
            <Stack gap="lg">
              {STANCES.filter((s) => byStance[s].length > 0).map((s) => (
                <section key={s} aria-labelledby={`stance-${s}`}>
                  <Group gap="xs" mb="xs">
                    <StanceBadge stance={s} />
                    <Title order={2} size="h5" id={`stance-${s}`}>
                      {STANCE_HEADING[s]} ({byStance[s].length})
                    </Title>
                  </Group>
                  <Stack gap="xs">
                    {byStance[s].map((c) => (
                      <ClaimItem key={c.attributionId} item={c} />
                    ))}
                  </Stack>
                </section>
              ))}
              {relayed.length > 0 && (
                <section aria-labelledby="relayed-h">
                  <Title order={2} size="h5" id="relayed-h" mb={2}>
                    Relayed for others ({relayed.length})
                  </Title>
                  <Text size="sm" c="dimmed" mb="xs">
                    Claims other sources made that reached the desk through {source.name}.
                  </Text>
                  <Stack gap="xs">
                    {relayed.map((c) => (
                      <ClaimItem key={c.attributionId} item={c} relayed />
                    ))}
                  </Stack>
                </section>
              )}
              {direct.length > 0 && (
                <Text size="sm">
                  <Link href={`/claims?source=${source.id}`} className="cb-link">
                    Filter and sort the claims {source.name} made in the claims list
                  </Link>
                </Text>
              )}
            </Stack>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="members">
          {source.members.length === 0 ? (
            <Text c="dimmed" size="sm">
              No source is recorded as affiliated with {source.name}.
            </Text>
          ) : (
            <Card withBorder padding={0}>
              <Table.ScrollContainer minWidth={560}>
                <Table striped verticalSpacing="xs" horizontalSpacing="md">
                  <Table.Caption>Sources affiliated with {source.name}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Grade</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {source.members.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Link href={`/sources/${m.id}`} className="cb-link">
                            <Text size="sm" fw={550} component="span">
                              {m.name}
                            </Text>
                          </Link>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={m.affiliationRole ? undefined : 'dimmed'}>
                            {m.affiliationRole || '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{SOURCE_KIND_LABEL[m.kind as SourceKind]}</Text>
                        </Table.Td>
                        <Table.Td>
                          <GradeBadge grade={m.reliability as ReliabilityGrade} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="documents">
          {source.documents.length === 0 ? (
            <Text c="dimmed" size="sm">
              No documents are logged with {source.name} as publisher.
            </Text>
          ) : (
            <Card withBorder padding={0}>
              <Table.ScrollContainer minWidth={560}>
                <Table striped verticalSpacing="xs" horizontalSpacing="md">
                  <Table.Caption>Documents published by {source.name}, newest first</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Title</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Published</Table.Th>
                      <Table.Th>Site</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {source.documents.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Link href={`/documents/${d.id}`} className="cb-link">
                            <Text size="sm" fw={550} component="span">
                              {d.title}
                            </Text>
                          </Link>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{DOCUMENT_KIND_LABEL[d.kind as DocumentKind]}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(d.publishedAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {hostOf(d.url)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="history">
          {history.data ? <HistoryList entries={history.data} /> : <Text c="dimmed">Loading history…</Text>}
        </Tabs.Panel>
      </Tabs>

      {canDelete && (
        <Group mt="xl" justify="flex-end">
          <ConfirmDelete
            what={`“${source.name}”`}
            consequence={
              dependents.length
                ? `${source.name} still has ${dependents.join(', ')}. The desk refuses to delete a source others depend on: move or remove those first.`
                : 'The source and its aliases will be deleted. The deletion stays in the history.'
            }
            onConfirm={async () => {
              await remove.mutateAsync({ id: source.id, version: source.version });
              notifications.show({ color: 'green', message: `Source “${source.name}” deleted.` });
              router.push('/sources');
              await invalidate('sources');
            }}
          />
        </Group>
      )}

      <Modal opened={draft != null} onClose={() => setDraft(null)} title="Edit source" size="xl">
        {draft && (
          <SourceForm
            key={draft.version}
            initial={{
              name: draft.name,
              kind: draft.kind as SourceKind,
              aliases: draft.aliases,
              affiliationId: draft.affiliationId,
              affiliationRole: draft.affiliationRole,
              homepage: draft.homepage ?? '',
              description: draft.description,
            }}
            initialAffiliation={draft.affiliationChain[0] ? { id: draft.affiliationChain[0].id, label: draft.affiliationChain[0].name } : null}
            submitLabel="Save changes"
            onCancel={() => setDraft(null)}
            onReload={async () => {
              const fresh = await refetch();
              if (fresh.data) setDraft(fresh.data);
            }}
            onSubmit={async (v) => {
              await update.mutateAsync({ id: draft.id, version: draft.version, ...sourceInputOf(v) });
              await invalidate('sources', 'claims', 'documents');
              setDraft(null);
              notifications.show({ color: 'green', message: 'Source saved.' });
            }}
          />
        )}
      </Modal>

      <Modal opened={grading != null} onClose={() => setGrading(null)} title={grading ? `Grade “${grading.name}”` : 'Grade source'} size="lg">
        {grading && (
          <GradeSourceForm
            key={grading.version}
            source={{ ...grading, reliability: grading.reliability as ReliabilityGrade }}
            onCancel={() => setGrading(null)}
            onReload={async () => {
              const fresh = await refetch();
              if (fresh.data) setGrading(fresh.data);
            }}
            onSubmit={async (v) => {
              const graded = await gradeMutation.mutateAsync({ id: grading.id, version: grading.version, ...v });
              await invalidate('sources', 'claims', 'documents');
              setGrading(null);
              notifications.show({
                color: 'green',
                message: graded.version === grading.version ? 'Grade unchanged.' : `Graded ${graded.reliability}: ${GRADE_LABEL[graded.reliability as ReliabilityGrade].toLowerCase()}.`,
              });
            }}
          />
        )}
      </Modal>
    </>
  );
}

/** One attribution of a claim to this source: the claim, the quote, where and via whom. */
function ClaimItem({ item, relayed }: { item: SourceClaim; relayed?: boolean }) {
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        {relayed && (
          <Group gap={6}>
            <Link href={`/sources/${item.sourceId}`} className="cb-link">
              <Text size="sm" fw={600} component="span">
                {item.sourceName}
              </Text>
            </Link>
            <GradeBadge grade={item.sourceReliability as ReliabilityGrade} />
            <StanceBadge stance={item.stance as Stance} />
          </Group>
        )}
        <Link href={`/claims/${item.claimId}`} className="cb-link">
          <Text size="sm" fw={550} component="span">
            {item.claimText}
          </Text>
        </Link>
        {item.quote && (
          <Text size="sm" className="cb-quote">
            “{item.quote}”
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {EVIDENCE_LABEL[item.evidenceKind as EvidenceKind]}
          {item.documentId != null ? (
            <>
              {' · in '}
              <Link href={`/documents/${item.documentId}`} className="cb-link">
                {item.documentTitle}
              </Link>
              {item.publishedAt && `, ${formatDate(item.publishedAt)}`}
            </>
          ) : (
            ' · no document recorded'
          )}
          {!relayed && item.viaSourceId != null && (
            <>
              {' · via '}
              <Link href={`/sources/${item.viaSourceId}`} className="cb-link">
                {item.viaSourceName}
              </Link>
            </>
          )}
        </Text>
      </Stack>
    </Card>
  );
}

type Tally = RouterOutputs['sources']['get']['trackRecord']['asserted'];

/** What editors' verdicts made of the claims this source asserted or denied in its own name. */
function TrackRecord({ record, use }: { record: RouterOutputs['sources']['get']['trackRecord']; use: RouterOutputs['sources']['get']['trackRecordUse'] }) {
  const line = (verb: string, t: Tally) => {
    const reviewed = t.confirmed + t.refuted + t.undecided;
    const total = reviewed + t.notReviewed;
    if (total === 0) return null;
    return (
      <Text size="sm">
        {verb} {plural(total, 'claim')}
        {reviewed === 0
          ? ', none reviewed yet.'
          : `: ${t.confirmed} borne out, ${t.refuted} refuted, ${t.undecided} undecided by editors' verdicts${t.notReviewed ? `; ${t.notReviewed} not reviewed` : ''}.`}
      </Text>
    );
  };
  const asserted = line('Asserted', record.asserted);
  const denied = line('Denied', record.denied);
  return (
    <section aria-labelledby="track-record-h">
      <Title order={3} size="h6" id="track-record-h" c="dimmed" tt="uppercase" mt="sm" mb={4}>
        Track record
      </Title>
      {asserted || denied ? (
        <>
          {asserted}
          {denied}
          <RecordUse use={use} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          It has not asserted or denied any claim in its own name yet.
        </Text>
      )}
    </section>
  );
}

/** Whether the record weighs in the support assessments yet, and how it moves the grade's trust. */
function RecordUse({ use }: { use: RouterOutputs['sources']['get']['trackRecordUse'] }) {
  const trust = (t: number) => t.toFixed(2);
  const text = use.gradeFrom
    ? `Not used in assessments: ungraded, it speaks with the grade and track record of ${use.gradeFrom.name}.`
    : use.used
      ? `Now weighs in assessments: trust ${trust(use.gradeTrust)} → ${trust(use.trust)} (a claim's own verdict is left out of its assessment).`
      : `Not used in assessments yet: used from ${plural(use.minReviewed, 'reviewed claim')} (${use.reviewed} so far).`;
  return (
    <Text size="sm" c={use.used ? undefined : 'dimmed'} data-testid="track-record-use">
      {text}
    </Text>
  );
}
