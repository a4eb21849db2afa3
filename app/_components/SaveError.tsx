'use client';

import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ServerError } from './forms';

/**
 * Why a save failed, above the form (field errors are shown beside their fields). On a stale
 * version the user is told someone else changed the record, and may load the current one.
 */
export function SaveError({ error, onReload }: { error: ServerError | null; onReload?: () => void }) {
  if (!error) return null;
  const stale = error.reason === 'stale';
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      title={stale ? 'Not saved: changed by someone else' : 'Not saved'}
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {stale && onReload && (
          <Button size="xs" variant="white" color="orange" onClick={onReload}>
            Load the current version (discards your edits)
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
