'use client';

import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { contentWords } from '~/server/search/similarity';
import { StatusBadge, VerdictBadge } from '../_components/badges';
import { plural } from '../_components/format';
import { useTRPC } from '../_trpc/react';

/**
 * "This may already be logged": the existing claims most like the draft, as the checker types,
 * each with a link to add evidence to it instead of logging a duplicate.
 */
export function SimilarClaims({ text }: { text: string }) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const enabled = contentWords(debounced).length > 0;
  const { data } = useQuery(trpc.claims.similar.queryOptions({ text: debounced.slice(0, 1000), limit: 3 }, { enabled, placeholderData: keepPreviousData }));
  const matches = enabled ? (data ?? []) : [];
  if (!matches.length) return null;
  return (
    <Paper withBorder p="sm" bg="yellow.0" component="section" aria-label="Similar claims already logged" aria-live="polite">
      <Group gap={6} mb={6}>
        <IconCopy size={16} aria-hidden />
        <Text size="sm" fw={600}>
          {plural(matches.length, 'similar claim')} already logged — is yours one of them?
        </Text>
      </Group>
      <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {matches.map((c) => (
          <li key={c.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={2}>
                <Text size="sm" fw={550}>
                  {c.text}
                </Text>
                <Group gap={6}>
                  <StatusBadge status={c.status} />
                  <VerdictBadge verdict={c.verdict} />
                  <Text size="xs" c="dimmed">
                    {plural(c.attributionCount, 'attribution')} · {Math.round(c.similarity * 100)}% alike
                  </Text>
                </Group>
              </Stack>
              <Anchor component={Link} href={`/claims/${c.id}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                Add evidence to this claim instead
              </Anchor>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
