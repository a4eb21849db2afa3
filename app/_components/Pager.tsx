'use client';

import { Button, Group, Text } from '@mantine/core';

/** Keyset pagination under a list: how many are shown, then First page / Next page. */
export function Pager({
  shown,
  noun,
  later,
  onFirst,
  onNext,
}: {
  shown: number;
  /** What the list holds: singular and plural, e.g. ['source', 'sources']. */
  noun: [string, string];
  /** True when this is not the first page (a cursor is in the URL). */
  later: boolean;
  onFirst: () => void;
  /** Null when there is no next page. */
  onNext: (() => void) | null;
}) {
  if (!later && !onNext && shown === 0) return null;
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={`Pages of ${noun[1]}`}>
      <Text size="sm" c="dimmed">
        {shown} {shown === 1 ? noun[0] : noun[1]} shown{later ? ' (later page)' : ''}
      </Text>
      <Group gap="xs">
        {later && (
          <Button variant="default" onClick={onFirst}>
            First page
          </Button>
        )}
        {onNext && (
          <Button variant="default" onClick={onNext}>
            Next page
          </Button>
        )}
      </Group>
    </Group>
  );
}
