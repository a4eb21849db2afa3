import { Card, Stack, Text } from '@mantine/core';

/** What an empty list says: why it is empty and what to do about it. */
export function EmptyState({ title, hint }: { title: string; hint?: React.ReactNode }) {
  return (
    <Card withBorder padding="xl">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {hint && (
          <Text c="dimmed" size="sm" ta="center">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
