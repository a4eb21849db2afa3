'use client';

import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconGitMerge, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { plural } from '../../_components/format';
import type { HistoryEntry } from '../../_components/HistoryList';
import { useCan } from '../../_components/me';
import { readServerError } from '../../_components/forms';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ClaimPicker, type Picked } from '../../_widgets/pickers';
import type { ClaimDetail } from './ClaimView';

/**
 * "Merge into…" (editors): pick the canonical claim, see what will move, merge. The duplicate's
 * attributions, links and story memberships go to the canonical claim; the page then opens it.
 */
export function MergeIntoButton({ claim }: { claim: ClaimDetail }) {
  const canMerge = useCan('editor');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const invalidate = useInvalidate();
  const [opened, dialog] = useDisclosure(false);
  const [target, setTarget] = useState<Picked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = useMutation(trpc.claims.merge.mutationOptions());
  if (!canMerge) return null;
  const merged = claim.status === 'archived' && claim.links.some((l) => l.direction === 'out' && l.kind === 'duplicate_of');
  if (merged) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconGitMerge size={14} aria-hidden />}
        onClick={() => {
          setError(null);
          setTarget(null);
          dialog.open();
        }}
      >
        Merge into…
      </Button>
      <Modal opened={opened} onClose={dialog.close} title="Merge this claim into another" size="lg">
        <Stack gap="md">
          <Text size="sm">
            This claim (#{claim.id}) is a duplicate. Choose the claim to keep: everything moves there, this claim is archived with a
            duplicate-of link, and its address opens the kept claim. The merge can be undone from the history.
          </Text>
          <ClaimPicker label="Keep this claim (the canonical one)" value={target} onChange={setTarget} excludeId={claim.id} required />
          <div>
            <Text size="sm" fw={600}>
              What will move
            </Text>
            <List size="sm" aria-label="What will move">
              <List.Item>{plural(claim.attributions.length, 'attribution')}</List.Item>
              <List.Item>{plural(claim.links.length, 'link')}</List.Item>
              <List.Item>{plural(claim.stories.length, 'story', 'stories')}</List.Item>
            </List>
            <Text size="xs" c="dimmed">
              Attributions identical to one the kept claim already has (same source, stance, quote and document), links it already has,
              and links that would point at itself are dropped — each is kept in the history and comes back on undo.
            </Text>
          </div>
          {error && (
            <Alert color="red" title="Not merged" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              Cancel
            </Button>
            <Button
              leftSection={<IconGitMerge size={14} aria-hidden />}
              disabled={!target}
              loading={merge.isPending}
              onClick={async () => {
                if (!target) return;
                setError(null);
                try {
                  const canonical = await qc.fetchQuery(trpc.claims.get.queryOptions({ id: target.id }));
                  const r = await merge.mutateAsync({
                    duplicateId: claim.id,
                    canonicalId: canonical.id,
                    duplicateVersion: claim.version,
                    canonicalVersion: canonical.version,
                  });
                  notifications.show({ color: 'green', message: r.summary });
                  dialog.close();
                  await invalidate('claims', 'stories', 'sources', 'documents');
                  router.push(`/claims/${r.canonicalId}?mergedFrom=${r.duplicateId}`);
                } catch (e) {
                  setError(readServerError(e).message);
                }
              }}
            >
              Merge
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** "Claim #ID was merged into this one", on the canonical claim's page after a redirect. */
export function MergedNotice() {
  const from = Number(useSearchParams().get('mergedFrom'));
  if (!Number.isInteger(from) || from <= 0) return null;
  return (
    <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} mb="md" maw={900} role="status">
      Claim #{from} was merged into this one. Its attributions, links and stories are here now; undo the merge from the History tab.
    </Alert>
  );
}

/** For the history: an "Undo merge" button on a merge that has not been undone (editors only). */
export function useUndoMergeExtra(entries: HistoryEntry[] | undefined) {
  const canUndo = useCan('editor');
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  const unmerge = useMutation(trpc.claims.unmerge.mutationOptions());
  const [error, setError] = useState<{ id: number; message: string } | null>(null);
  const undone = new Set((entries ?? []).filter((e) => e.entity === 'merge' && e.action === 'update').map((e) => e.entityId));
  return (e: HistoryEntry) => {
    if (!canUndo || e.entity !== 'merge' || e.action !== 'create' || undone.has(e.entityId)) return null;
    return (
      <Stack gap={4} align="flex-start">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          loading={unmerge.isPending && unmerge.variables?.mergeId === e.entityId}
          onClick={async () => {
            setError(null);
            try {
              const r = await unmerge.mutateAsync({ mergeId: e.entityId });
              notifications.show({ color: 'green', message: `Merge undone: claim #${r.duplicateId} is back as it was.` });
              await invalidate('claims', 'stories', 'sources', 'documents');
              router.replace(window.location.pathname);
            } catch (err) {
              setError({ id: e.entityId, message: readServerError(err).message });
            }
          }}
        >
          Undo merge
        </Button>
        {error?.id === e.entityId && (
          <Alert color="red" title="Not undone" role="alert" py={6}>
            {error.message}
          </Alert>
        )}
      </Stack>
    );
  };
}
