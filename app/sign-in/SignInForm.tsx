'use client';

import { Alert, Button, Code, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ROLE_LABEL, type Role } from '~/server/users/roles';
import { authClient } from '../_auth/client';

export function SignInForm({
  next,
  demoAccounts,
}: {
  next: string;
  demoAccounts: { email: string; password: string; name: string; role: Role }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  async function signIn(values: { email: string; password: string }) {
    setError(null);
    const { error: err } = await authClient.signIn.email({ email: values.email.trim(), password: values.password });
    if (err) {
      setError(
        err.status === 429
          ? // the account's own lock says how long it lasts; the per-address limit is a minute
            err.code === 'ACCOUNT_LOCKED' && err.message
            ? err.message
            : 'Too many attempts. Wait a minute, then try again.'
          : err.status === 403
            ? 'This account is disabled. Ask an admin of your desk.'
            : 'Email or password is not right. Check both and try again.',
      );
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <Stack gap="md">
      {/* method="post": a submit before the page is interactive never puts the password in the URL. */}
      <form onSubmit={form.onSubmit(signIn)} noValidate method="post">
        <Stack gap="sm">
          {error && (
            <Alert color="red" role="alert" title="Not signed in">
              {error}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required data-autofocus autoFocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? An admin of your desk can make you a link to set a new one.
          </Text>
        </Stack>
      </form>
      {demoAccounts.length > 0 && (
        <>
          <Divider label="Demo accounts" labelPosition="center" />
          <Text size="xs" c="dimmed">
            This is a demo installation. Sign in as any role:
          </Text>
          <Stack gap={6}>
            {demoAccounts.map((a) => (
              <Group key={a.email} justify="space-between" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {ROLE_LABEL[a.role]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Code>{a.email}</Code> / <Code>{a.password}</Code>
                  </Text>
                </div>
                <Button size="xs" variant="light" style={{ flexShrink: 0 }} aria-label={`Sign in as ${a.role}`} onClick={() => signIn({ email: a.email, password: a.password })}>
                  Sign in
                </Button>
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
