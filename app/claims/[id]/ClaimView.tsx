'use client';

import { Badge, Button, Card, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RouterOutputs } from '~/server/root';
import { STANCES, type Stance } from '~/server/shared/enums';
import { StanceBadge, StatusBadge, VerdictBadge } from '../../_components/badges';
import { formatDate, plural } from '../../_components/format';
import { HistoryList } from '../../_components/HistoryList';
import { PageHeader } from '../../_components/PageHeader';
import { useCan } from '../../_components/me';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import { ClaimForm } from '../ClaimForm';
import { AttributionForm, type AttributionValues } from './AttributionForm';
import { AttributionItem } from './AttributionItem';
import { ClaimStanding } from './ClaimStanding';
import { LinkForm } from './LinkForm';
import { LinkedClaims } from './LinkedClaims';
import { MergedNotice, MergeIntoButton, useUndoMergeExtra } from './MergeClaim';
import { ReviewForm } from './ReviewForm';

export type ClaimDetail = RouterOutputs['claims']['get'];
export type ClaimAttribution = ClaimDetail['attributions'][number];

const STANCE_HEADING: Record<Stance, string> = { asserts: 'Asserts', denies: 'Denies', reports: 'Reports without endorsing' };

const EMPTY_ATTRIBUTION: AttributionValues = {
  source: null,
  newSource: null,
  stance: 'asserts',
  quote: '',
  evidenceKind: 'statement',
  document: null,
  newDocument: null,
  via: null,
  note: '',
};

export function ClaimView({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  const { data: claim } = useSuspenseQuery(trpc.claims.get.queryOptions({ id }));
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const { data: assessment } = useSuspenseQuery(trpc.claims.assessment.queryOptions({ id }));
  const [tab, setTab] = useState<string | null>('attributions');
  const history = useQuery(trpc.claims.history.queryOptions({ id }, { enabled: tab === 'history' }));
  const undoMerge = useUndoMergeExtra(history.data);
  const canDelete = useCan('editor');
  const canReview = useCan('editor');
  const [reviewing, reviewDialog] = useDisclosure(false);
  const createReview = useMutation(trpc.reviews.create.mutationOptions());
  const [editing, edit] = useDisclosure(false);
  const [attributing, attribute] = useDisclosure(false);
  const [linking, link] = useDisclosure(false);

  const update = useMutation(trpc.claims.update.mutationOptions());
  const remove = useMutation(trpc.claims.delete.mutationOptions());
  const createAttribution = useMutation(trpc.attributions.create.mutationOptions());
  const createLink = useMutation(trpc.links.create.mutationOptions());

  const byStance = Object.fromEntries(STANCES.map((s) => [s, claim.attributions.filter((a) => a.stance === s)])) as Record<
    Stance,
    ClaimAttribution[]
  >;
  const firstStory = claim.stories[0];

  return (
    <>
      <PageHeader
        crumbs={[
          { href: '/claims', label: 'Claims' },
          ...(firstStory ? [{ href: `/stories/${firstStory.id}`, label: firstStory.title }] : []),
        ]}
        title={claim.text}
        actions={
          <>
            <Button variant="default" component={Link} href={`/claims/${claim.id}/graph`}>
              Graph
            </Button>
            <Button variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={edit.open}>
              Edit
            </Button>
            <Button variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={link.open}>
              Link a claim
            </Button>
            <MergeIntoButton claim={claim} />
            <Button leftSection={<IconPlus size={14} aria-hidden />} onClick={attribute.open}>
              Add attribution
            </Button>
          </>
        }
        subtitle={
          <Group gap="xs">
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} />
            <span>
              event {formatDate(claim.eventDate)} · logged {formatDate(claim.createdAt)} · {plural(claim.attributions.length, 'attribution')} ·{' '}
              {plural(claim.links.length, 'linked claim')}
            </span>
            {claim.stories.map((s) => (
              <Badge key={s.id} variant="outline" color="gray" tt="none" component={Link} href={`/stories/${s.id}`} style={{ cursor: 'pointer' }}>
                {s.title}
              </Badge>
            ))}
          </Group>
        }
      />
      <MergedNotice />
      <ClaimStanding claimId={claim.id} assessment={assessment} onReview={canReview ? reviewDialog.open : null} />
      {claim.contextNote && (
        <Card withBorder padding="sm" mb="md" maw={900}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Context
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {claim.contextNote}
          </Text>
        </Card>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="attributions">Attributions ({claim.attributions.length})</Tabs.Tab>
          <Tabs.Tab value="links">Linked claims ({claim.links.length})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="attributions">
          {claim.attributions.length === 0 ? (
            <Card withBorder padding="lg">
              <Stack gap={6} align="flex-start">
                <Text fw={600}>No attributions yet.</Text>
                <Text size="sm" c="dimmed">
                  Who asserted, denied or reported this claim, and where? Add the first source.
                </Text>
                <Button size="xs" onClick={attribute.open}>
                  Add attribution
                </Button>
              </Stack>
            </Card>
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
                    {byStance[s].map((a) => (
                      <AttributionItem key={a.id} claimId={claim.id} attribution={a} />
                    ))}
                  </Stack>
                </section>
              ))}
            </Stack>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="links">
          <LinkedClaims claim={claim} onAdd={link.open} />
        </Tabs.Panel>

        <Tabs.Panel value="history">
          {history.data ? <HistoryList entries={history.data} extra={undoMerge} /> : <Text c="dimmed">Loading history…</Text>}
        </Tabs.Panel>
      </Tabs>

      {canDelete && (
      <Group mt="xl" justify="flex-end">
        <ConfirmDelete
          label="Delete claim"
          what="this claim"
          consequence={
            claim.attributions.length
              ? `The claim and its ${plural(claim.attributions.length, 'attribution')} will be deleted. Each deletion stays in the history.`
              : 'The claim will be deleted. The deletion stays in the history.'
          }
          onConfirm={async () => {
            await remove.mutateAsync({ id: claim.id, version: claim.version });
            notifications.show({ color: 'green', message: 'Claim deleted.' });
            router.push('/claims');
            await invalidate('claims', 'sources', 'documents', 'stories');
          }}
        />
      </Group>
      )}

      <Modal opened={editing} onClose={edit.close} title="Edit claim" size="lg">
        <ClaimForm
          multiStory
          initial={{
            text: claim.text,
            contextNote: claim.contextNote,
            eventDate: claim.eventDate ?? '',
            status: claim.status,
            storyIds: claim.stories.map((s) => String(s.id)),
          }}
          stories={stories}
          submitLabel="Save changes"
          onCancel={() => {
            edit.close();
            void invalidate('claims');
          }}
          onSubmit={async (v, version) => {
            await update.mutateAsync({
              id: claim.id,
              version: version ?? claim.version,
              text: v.text,
              contextNote: v.contextNote,
              eventDate: v.eventDate,
              status: v.status,
              storyIds: v.storyIds.map(Number),
            });
            await invalidate('claims', 'stories');
            edit.close();
          }}
        />
      </Modal>

      <Modal opened={attributing} onClose={attribute.close} title="Add attribution" size="lg">
        <AttributionForm
          claimId={claim.id}
          initial={EMPTY_ATTRIBUTION}
          submitLabel="Add attribution"
          onCancel={attribute.close}
          onSubmit={async (p) => {
            await createAttribution.mutateAsync({ claimId: claim.id, ...p });
            await invalidate('claims', 'sources', 'documents');
            attribute.close();
          }}
        />
      </Modal>

      <Modal opened={reviewing} onClose={reviewDialog.close} title="Review this claim" size="lg">
        <ReviewForm
          suggested={assessment.suggestedLevel}
          score={assessment.score}
          onCancel={reviewDialog.close}
          onStale={() => void invalidate('claims')}
          onSubmit={async (v) => {
            await createReview.mutateAsync({
              claimId: claim.id,
              claimVersion: claim.version,
              evidenceFingerprint: assessment.fingerprint,
              ...v,
            });
            await invalidate('claims', 'reviews', 'sources');
            notifications.show({ color: 'green', message: 'Verdict published.' });
            reviewDialog.close();
          }}
        />
      </Modal>

      <Modal opened={linking} onClose={link.close} title="Link a claim" size="lg">
        <LinkForm
          claimId={claim.id}
          onCancel={link.close}
          onSubmit={async (p) => {
            await createLink.mutateAsync(p);
            await invalidate('claims');
            link.close();
            setTab('links');
          }}
        />
      </Modal>
    </>
  );
}
