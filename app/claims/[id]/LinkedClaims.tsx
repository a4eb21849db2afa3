'use client';

import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { readServerError } from '../../_components/forms';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { LINK_LABEL } from '~/server/shared/enums';
import { StatusBadge } from '../../_components/badges';
import { useCan } from '../../_components/me';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import type { ClaimDetail } from './ClaimView';

const KIND_COLOR = { contradicts: 'red', supports: 'teal', duplicate_of: 'grape', part_of: 'blue' } as const;

/** Links both ways: what this claim points at, and what points at it. */
export function LinkedClaims({ claim, onAdd }: { claim: ClaimDetail; onAdd: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const canDelete = useCan('editor');
  const remove = useMutation(trpc.links.delete.mutationOptions());
  const update = useMutation(trpc.links.update.mutationOptions());
  const [editing, setEditing] = useState<{ id: number; version: number; note: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (claim.links.length === 0)
    return (
      <Card withBorder padding="lg">
        <Stack gap={6} align="flex-start">
          <Text fw={600}>No linked claims.</Text>
          <Text size="sm" c="dimmed">
            Mark claims that contradict, support, duplicate or belong to this one.
          </Text>
          <Button size="xs" onClick={onAdd}>
            Link a claim
          </Button>
        </Stack>
      </Card>
    );
  return (
    <Stack gap="xs">
      {claim.links.map((l) => {
        const label = LINK_LABEL[l.kind][l.direction];
        return (
          <Card withBorder padding="sm" key={l.id}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={KIND_COLOR[l.kind]} variant="light" tt="none">
                    {label}
                  </Badge>
                  <StatusBadge status={l.otherStatus} />
                </Group>
                <Anchor component={Link} href={`/claims/${l.otherId}`} fw={550} size="sm">
                  {l.otherText}
                </Anchor>
                {l.note && (
                  <Text size="xs" c="dimmed">
                    {l.note}
                  </Text>
                )}
              </Stack>
              <Group gap={4} wrap="nowrap">
              <Button
                size="xs"
                variant="subtle"
                aria-label={`Edit the note of the link to “${l.otherText}”`}
                onClick={() => {
                  setError(null);
                  setEditing({ id: l.id, version: l.version, note: l.note });
                }}
              >
                Edit note
              </Button>
              {canDelete && (
              <ConfirmDelete
                size="xs"
                variant="subtle"
                label="Unlink"
                what="this link"
                consequence="The two claims stay; only the link between them is removed (the removal stays in the history)."
                onConfirm={async () => {
                  await remove.mutateAsync({ id: l.id, version: l.version });
                  await invalidate('claims');
                }}
              />
              )}
              </Group>
            </Group>
          </Card>
        );
      })}
      <Modal opened={editing != null} onClose={() => setEditing(null)} title="Edit link note">
        {editing && (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setError(null);
              try {
                await update.mutateAsync({ id: editing.id, version: editing.version, note: editing.note });
                await invalidate('claims');
                setEditing(null);
              } catch (err) {
                setError(readServerError(err).message);
              }
            }}
          >
            <Stack gap="sm">
              {error && (
                <Alert color="red" role="alert" title="Not saved">
                  {error}
                </Alert>
              )}
              <Textarea
                label="Note"
                description="Why the claims relate"
                autosize
                minRows={2}
                value={editing.note}
                onChange={(e) => setEditing({ ...editing, note: e.currentTarget.value })}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={update.isPending}>
                  Save note
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
