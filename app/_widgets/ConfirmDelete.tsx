'use client';

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { readServerError } from '../_components/forms';

/**
 * A delete button that asks first. If the server refuses (others depend on the record, or
 * someone changed it meanwhile) the reason is shown in the dialog and nothing is deleted.
 */
export function ConfirmDelete({
  what,
  consequence,
  onConfirm,
  size = 'sm',
  variant = 'default',
  label = 'Delete',
}: {
  what: string;
  consequence?: React.ReactNode;
  onConfirm: () => Promise<unknown>;
  size?: 'xs' | 'sm';
  variant?: 'default' | 'subtle';
  label?: string;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size={size}
        variant={variant}
        color="red"
        leftSection={<IconTrash size={14} aria-hidden />}
        onClick={() => {
          setError(null);
          open();
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={`Delete ${what}?`} centered>
        <Stack gap="md">
          <Text size="sm">{consequence ?? 'This cannot be undone here, but it stays in the history.'}</Text>
          {error && (
            <Alert color="red" title="Not deleted" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={busy}
              data-autofocus
              onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                  close();
                } catch (err) {
                  setError(readServerError(err).message);
                } finally {
                  setBusy(false);
                }
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
