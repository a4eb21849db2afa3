'use client';

import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { EVIDENCE_LABEL, type ReliabilityGrade } from '~/server/shared/enums';
import { GradeBadge } from '../../_components/badges';
import { formatDate, safeHref } from '../../_components/format';
import { useCan } from '../../_components/me';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import { AttributionForm } from './AttributionForm';
import type { ClaimAttribution } from './ClaimView';

/** One line of the evidence: who (grade, affiliation), the quote, where, via whom. */
export function AttributionItem({ claimId, attribution: a }: { claimId: number; attribution: ClaimAttribution }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const canDelete = useCan('editor');
  const [editing, edit] = useDisclosure(false);
  const update = useMutation(trpc.attributions.update.mutationOptions());
  const remove = useMutation(trpc.attributions.delete.mutationOptions());
  const docHref = safeHref(a.documentUrl);
  const archiveHref = safeHref(a.documentArchiveUrl);

  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Anchor component={Link} href={`/sources/${a.sourceId}`} fw={600} size="sm">
              {a.sourceName}
            </Anchor>
            <GradeBadge grade={a.sourceReliability as ReliabilityGrade} />
            {a.affiliationId && (
              <Text size="sm" c="dimmed">
                {a.sourceRole ? `${a.sourceRole}, ` : ''}
                <Anchor component={Link} href={`/sources/${a.affiliationId}`} size="sm">
                  {a.affiliationName}
                </Anchor>
              </Text>
            )}
            <Badge size="sm" variant="outline" color="gray" tt="none">
              {EVIDENCE_LABEL[a.evidenceKind]}
            </Badge>
          </Group>
          {a.quote && (
            <Text size="sm" className="cb-quote">
              “{a.quote}”
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {a.documentId ? (
              <>
                in{' '}
                <Anchor component={Link} href={`/documents/${a.documentId}`} size="xs">
                  {a.documentTitle}
                </Anchor>
                {a.publisherId && (
                  <>
                    ,{' '}
                    <Anchor component={Link} href={`/sources/${a.publisherId}`} size="xs">
                      {a.publisherName}
                    </Anchor>
                  </>
                )}
                {a.documentPublishedAt && `, ${formatDate(a.documentPublishedAt)}`}
                {docHref && (
                  <>
                    {' · '}
                    <Anchor href={docHref} target="_blank" rel="noopener noreferrer" size="xs">
                      original <IconExternalLink size={11} aria-label="(opens in a new tab)" />
                    </Anchor>
                  </>
                )}
                {archiveHref && (
                  <>
                    {' · '}
                    <Anchor href={archiveHref} target="_blank" rel="noopener noreferrer" size="xs">
                      archive <IconArchive size={11} aria-label="(opens in a new tab)" />
                    </Anchor>
                  </>
                )}
              </>
            ) : (
              'no document logged'
            )}
            {a.viaSourceId && (
              <>
                {' · via '}
                <Anchor component={Link} href={`/sources/${a.viaSourceId}`} size="xs">
                  {a.viaSourceName}
                </Anchor>
              </>
            )}
          </Text>
          {a.note && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              Note: {a.note}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={12} aria-hidden />} onClick={edit.open} aria-label={`Edit attribution to ${a.sourceName}`}>
            Edit
          </Button>
          {canDelete && (
          <ConfirmDelete
            size="xs"
            variant="subtle"
            what="this attribution"
            consequence={`${a.sourceName}’s ${a.stance === 'reports' ? 'report' : a.stance === 'asserts' ? 'assertion' : 'denial'} will be removed from this claim. The source and the document stay.`}
            onConfirm={async () => {
              await remove.mutateAsync({ id: a.id, version: a.version });
              await invalidate('claims', 'sources', 'documents');
            }}
          />
          )}
        </Group>
      </Group>
      <Modal opened={editing} onClose={edit.close} title="Edit attribution" size="lg">
        <AttributionForm
          claimId={claimId}
          allowCreate={false}
          initial={{
            source: { id: a.sourceId, label: a.sourceName },
            newSource: null,
            stance: a.stance,
            quote: a.quote,
            evidenceKind: a.evidenceKind,
            document: a.documentId ? { id: a.documentId, label: a.documentTitle ?? '' } : null,
            newDocument: null,
            via: a.viaSourceId ? { id: a.viaSourceId, label: a.viaSourceName ?? '' } : null,
            note: a.note,
          }}
          submitLabel="Save changes"
          onCancel={edit.close}
          onSubmit={async (p) => {
            await update.mutateAsync({
              id: a.id,
              version: a.version,
              sourceId: p.sourceId ?? a.sourceId,
              documentId: p.documentId,
              viaSourceId: p.viaSourceId,
              stance: p.stance,
              quote: p.quote,
              evidenceKind: p.evidenceKind,
              note: p.note,
            });
            await invalidate('claims', 'sources', 'documents');
            edit.close();
          }}
        />
      </Modal>
    </Card>
  );
}
