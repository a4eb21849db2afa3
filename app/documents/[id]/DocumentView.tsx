'use client';

import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RouterOutputs } from '~/server/root';
import { DOCUMENT_KIND_LABEL, EVIDENCE_LABEL, type DocumentKind, type EvidenceKind, type ReliabilityGrade, type Stance } from '~/server/shared/enums';
import { GradeBadge, StanceBadge } from '../../_components/badges';
import { formatDate, hostOf, plural, safeHref } from '../../_components/format';
import { HistoryList } from '../../_components/HistoryList';
import { useCan } from '../../_components/me';
import { PageHeader } from '../../_components/PageHeader';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import { DocumentForm } from '../DocumentForm';

type DocumentDetail = RouterOutputs['documents']['get'];

/** An external link that is only ever http(s); anything else is shown as plain text. */
function ExternalLink({ url, label, icon }: { url: string | null; label?: string; icon?: React.ReactNode }) {
  const href = safeHref(url);
  if (!href) return <Text span size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{url ?? '—'}</Text>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
      {icon}
      {label ?? href}
      <IconExternalLink size={12} aria-label="(opens in a new tab)" style={{ marginLeft: 3, verticalAlign: -1 }} />
    </Anchor>
  );
}

export function DocumentView({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  // Deleting needs an editor (the server refuses anyone else); other roles do not see the button.
  const canDelete = useCan('editor');
  const { data: doc, refetch } = useSuspenseQuery(trpc.documents.get.queryOptions({ id }));
  const [tab, setTab] = useState<string | null>('attributions');
  const history = useQuery(trpc.documents.history.queryOptions({ id }, { enabled: tab === 'history' }));
  const [draft, setDraft] = useState<DocumentDetail | null>(null);
  const update = useMutation(trpc.documents.update.mutationOptions());
  const remove = useMutation(trpc.documents.delete.mutationOptions());
  const n = doc.attributions.length;

  return (
    <>
      <PageHeader
        crumbs={[{ href: '/documents', label: 'Documents' }]}
        title={doc.title}
        actions={
          <Button variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setDraft(doc)}>
            Edit
          </Button>
        }
        subtitle={
          <Group gap="xs">
            <Badge variant="outline" color="gray" tt="none">
              {DOCUMENT_KIND_LABEL[doc.kind as DocumentKind]}
            </Badge>
            {doc.publisherId != null ? (
              <Group gap={6} wrap="nowrap">
                <span>by</span>
                <Link href={`/sources/${doc.publisherId}`} className="cb-link">
                  {doc.publisherName}
                </Link>
                {doc.publisherReliability && <GradeBadge grade={doc.publisherReliability as ReliabilityGrade} />}
              </Group>
            ) : (
              <span>publisher not recorded</span>
            )}
            <span>
              published {formatDate(doc.publishedAt)} · retrieved {formatDate(doc.retrievedAt)} · {plural(n, 'attribution')}
            </span>
          </Group>
        }
      />

      <Card withBorder padding="sm" mb="lg" component="section" aria-labelledby="where-h" maw={900}>
        <Title order={2} size="h6" id="where-h" c="dimmed" tt="uppercase" mb={6}>
          Where to read it
        </Title>
        <Stack gap={4}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={70} style={{ flexShrink: 0 }}>
              Original
            </Text>
            <ExternalLink url={doc.url} />
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={70} style={{ flexShrink: 0 }}>
              Archive
            </Text>
            {doc.archiveUrl ? (
              <ExternalLink url={doc.archiveUrl} label={`${hostOf(doc.archiveUrl)} snapshot`} icon={<IconArchive size={14} aria-hidden style={{ marginRight: 4, verticalAlign: -2 }} />} />
            ) : (
              <Text size="sm" c="dimmed">
                No archived copy yet: save one (e.g. web.archive.org) in case the original changes, then add it with Edit.
              </Text>
            )}
          </Group>
        </Stack>
      </Card>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="attributions">Attributions ({n})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="attributions">
          {n === 0 ? (
            <Text c="dimmed" size="sm">
              No attribution cites this document yet. Attributions are added from a claim’s page.
            </Text>
          ) : (
            <Card withBorder padding={0}>
              <Table.ScrollContainer minWidth={860}>
                <Table striped verticalSpacing="sm" horizontalSpacing="md">
                  <Table.Caption>Who said what in this document</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Claim</Table.Th>
                      <Table.Th>Source</Table.Th>
                      <Table.Th miw={130}>Stance</Table.Th>
                      <Table.Th>Quote</Table.Th>
                      <Table.Th>Via</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {doc.attributions.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td maw={300}>
                          <Link href={`/claims/${a.claimId}`} className="cb-link">
                            <Text size="sm" fw={550} component="span">
                              {a.claimText}
                            </Text>
                          </Link>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Link href={`/sources/${a.sourceId}`} className="cb-link">
                              <Text size="sm" component="span">
                                {a.sourceName}
                              </Text>
                            </Link>
                            <GradeBadge grade={a.sourceReliability as ReliabilityGrade} />
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <StanceBadge stance={a.stance as Stance} />
                            <Text size="xs" c="dimmed">
                              {EVIDENCE_LABEL[a.evidenceKind as EvidenceKind]}
                            </Text>
                          </Stack>
                        </Table.Td>
                        <Table.Td maw={340}>
                          {a.quote ? (
                            <Text size="sm" className="cb-quote" lineClamp={4}>
                              “{a.quote}”
                            </Text>
                          ) : (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {a.viaSourceId != null ? (
                            <Link href={`/sources/${a.viaSourceId}`} className="cb-link">
                              <Text size="sm" component="span">
                                {a.viaSourceName}
                              </Text>
                            </Link>
                          ) : (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          )}
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
            what="this document"
            consequence={
              n
                ? `${plural(n, 'attribution')} ${n === 1 ? 'cites' : 'cite'} this document. The desk refuses to delete it until they are moved to another document or removed.`
                : 'The document will be deleted. The deletion stays in the history.'
            }
            onConfirm={async () => {
              await remove.mutateAsync({ id: doc.id, version: doc.version });
              notifications.show({ color: 'green', message: 'Document deleted.' });
              router.push('/documents');
              await invalidate('documents', 'sources');
            }}
          />
        </Group>
      )}

      <Modal opened={draft != null} onClose={() => setDraft(null)} title="Edit document" size="xl">
        {draft && (
          <DocumentForm
            key={draft.version}
            initial={{
              url: draft.url,
              title: draft.title,
              kind: draft.kind as DocumentKind,
              publisherId: draft.publisherId,
              publishedAt: draft.publishedAt ?? '',
              retrievedAt: draft.retrievedAt ?? '',
              archiveUrl: draft.archiveUrl ?? '',
            }}
            initialPublisher={draft.publisherId != null ? { id: draft.publisherId, label: draft.publisherName ?? `#${draft.publisherId}` } : null}
            submitLabel="Save changes"
            onCancel={() => setDraft(null)}
            onReload={async () => {
              const fresh = await refetch();
              if (fresh.data) setDraft(fresh.data);
            }}
            onSubmit={async (v) => {
              await update.mutateAsync({ id: draft.id, version: draft.version, ...v });
              await invalidate('documents', 'sources', 'claims');
              setDraft(null);
              notifications.show({ color: 'green', message: 'Document saved.' });
            }}
          />
        )}
      </Modal>
    </>
  );
}
