'use client';

import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ROLE_LABEL } from '~/server/users/roles';
import { acceptInvitationInput } from '~/server/users/users.schema';
import { readServerError, zodValidate } from '../../_components/forms';
import { useTRPC } from '../../_trpc/react';
import { signInAfterLink } from './signInAfterLink';

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: invitation } = useSuspenseQuery(trpc.users.invitation.queryOptions({ token }));
  const accept = useMutation(trpc.users.acceptInvitation.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', password: '' }, validate: (v) => zodValidate(acceptInvitationInput)({ ...v, token }) });
  return (
    <form
      noValidate
      method="post"
      onSubmit={form.onSubmit(async (v) => {
        setError(null);
        try {
          const user = await accept.mutateAsync({ token, ...v });
          setError(await signInAfterLink(router, user.email, v.password));
        } catch (err) {
          const e = readServerError(err);
          form.setErrors(e.fieldErrors);
          setError(e.message);
        }
      })}
    >
      <Stack gap="sm">
        <Text size="sm">
          You are invited as <b>{ROLE_LABEL[invitation.role].toLowerCase()}</b> with <b>{invitation.email}</b>.
        </Text>
        {error && (
          <Alert color="red" role="alert" title="Not done">
            {error}
          </Alert>
        )}
        <TextInput label="Your name" description="As colleagues will see it in the history" required autoComplete="name" {...form.getInputProps('name')} />
        <PasswordInput label="Password" description="10 characters or more" required autoComplete="new-password" {...form.getInputProps('password')} />
        <Button type="submit" loading={form.submitting}>
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
