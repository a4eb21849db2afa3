'use client';

import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';

function show(v: unknown): string {
  if (v == null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

/**
 * Someone saved this record while you were editing it. Shows what they changed (their
 * version against the one you started from) and lets you apply your edit on top of theirs,
 * or drop yours. Nothing you typed is lost until you choose.
 */
export function StaleNotice({
  started,
  current,
  fields,
  onReapply,
  onDiscard,
}: {
  started: Record<string, unknown>;
  current: Record<string, unknown>;
  fields: Record<string, string>;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const changed = Object.keys(fields).filter((f) => JSON.stringify(started[f] ?? null) !== JSON.stringify(current[f] ?? null));
  return (
    <Alert color="orange" title="Someone else changed this while you were editing" role="alert">
      <Text size="sm" mb="xs">
        Your edit is not saved yet.{' '}
        {changed.length ? 'They changed:' : 'Their change touched nothing you can see in this form.'}
      </Text>
      {changed.length > 0 && (
        <Table fz="xs" withTableBorder mb="sm" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>When you opened it</Table.Th>
              <Table.Th>Now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((f) => (
              <Table.Tr key={f}>
                <Table.Td>{fields[f]}</Table.Td>
                <Table.Td>
                  <Code>{show(started[f])}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{show(current[f])}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        <Button size="xs" color="orange" onClick={onReapply}>
          Save my edit over theirs
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard my edit
        </Button>
      </Group>
    </Alert>
  );
}
