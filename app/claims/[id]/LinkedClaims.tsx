'use client';

import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
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
          </Card>
        );
      })}
    </Stack>
  );
}
