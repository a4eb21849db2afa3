'use client';

import { Badge, Code, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { formatDateTime } from './format';

export interface HistoryEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName?: string | null;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: number;
  label: string | null;
  /** `from`/`to` are optional because tRPC infers `unknown` JSON fields as optional. */
  changes: { field: string; from?: unknown; to?: unknown }[];
}

const ENTITY = {
  claim: 'Claim',
  source: 'Source',
  source_alias: 'Alias',
  document: 'Document',
  attribution: 'Attribution',
  claim_link: 'Claim link',
  story: 'Story',
  story_claim: 'Story membership',
  user: 'Account',
  invitation: 'Invitation',
  password_reset: 'Password reset link',
  review: 'Review',
  merge: 'Merge',
} as Record<string, string>;

const ACTION = { create: 'created', update: 'changed', delete: 'deleted' } as const;
const ICON = { create: IconPlus, update: IconPencil, delete: IconTrash } as const;

function show(v: unknown): string {
  if (v == null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

function humanField(f: string) {
  return f.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/**
 * A readable, field-by-field history, newest first. `extra` adds something under an entry's
 * title (the activity feed uses it for a link to the record).
 */
export function HistoryList<E extends HistoryEntry>({ entries, extra }: { entries: E[]; extra?: (entry: E) => React.ReactNode }) {
  if (entries.length === 0) return <Text c="dimmed">No changes recorded yet.</Text>;
  return (
    <Timeline bulletSize={22} lineWidth={2}>
      {entries.map((e) => {
        const Icon = ICON[e.action];
        return (
          <Timeline.Item
            key={e.id}
            bullet={<Icon size={12} aria-hidden />}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {ENTITY[e.entity] ?? e.entity} {ACTION[e.action]}
                </Text>
                {e.entityId > 0 && (
                  <Badge size="xs" variant="outline" color="gray" tt="none">
                    #{e.entityId}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)} · {e.actorName ?? (e.actorId ? 'a removed account' : 'the system (import or demo data)')}
              </Text>
              {e.label && (
                <Text size="sm" lineClamp={2}>
                  {e.label}
                </Text>
              )}
              {extra?.(e)}
              {e.action === 'update' && e.changes.length > 0 && (
                <Table withTableBorder fz="xs" verticalSpacing={2} maw={720}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Field</Table.Th>
                      <Table.Th>Before</Table.Th>
                      <Table.Th>After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.changes.map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Td>{humanField(c.field)}</Table.Td>
                        <Table.Td>
                          <Code>{show(c.from)}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Code>{show(c.to)}</Code>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
