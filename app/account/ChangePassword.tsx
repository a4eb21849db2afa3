'use client';

import { Alert, Button, Card, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { authClient } from '../_auth/client';
import { useMe } from '../_components/me';
import { PageHeader } from '../_components/PageHeader';

export function ChangePassword() {
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= 10 ? (v.length <= 128 ? null : 'At most 128 characters') : 'Use at least 10 characters'),
      confirm: (v, all) => (v === all.newPassword ? null : 'The two new passwords differ'),
    },
  });
  return (
    <>
      <PageHeader title="Your account" subtitle={`${me.name} · ${me.email}`} />
      <Card withBorder maw={480} padding="lg">
        <form
          noValidate
          method="post"
          onSubmit={form.onSubmit(async (v) => {
            setError(null);
            const { error: err } = await authClient.changePassword({
              currentPassword: v.currentPassword,
              newPassword: v.newPassword,
              revokeOtherSessions: true,
            });
            if (err) {
              setError(err.status === 429 ? 'Too many attempts. Wait a minute, then try again.' : 'Your current password is not right.');
              form.setFieldError('currentPassword', 'Check your current password');
              return;
            }
            form.reset();
            notifications.show({ color: 'green', message: 'Password changed. Other devices were signed out.' });
          })}
        >
          <Stack gap="sm">
            {error && (
              <Alert color="red" role="alert" title="Password not changed">
                {error}
              </Alert>
            )}
            <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
            <PasswordInput label="New password" description="10 characters or more" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
            <PasswordInput label="New password again" autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Stack>
        </form>
      </Card>
    </>
  );
}
