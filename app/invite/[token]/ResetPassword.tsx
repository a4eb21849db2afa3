'use client';

import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { resetPasswordInput } from '~/server/users/users.schema';
import { readServerError, zodValidate } from '../../_components/forms';
import { useTRPC } from '../../_trpc/react';
import { signInAfterLink } from './signInAfterLink';

/** The form behind an admin's password reset link: a new password, twice. */
export function ResetPassword({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: (v) => ({
      ...zodValidate(resetPasswordInput)({ token, password: v.password }),
      ...(v.confirm === v.password ? {} : { confirm: 'The two passwords differ' }),
    }),
  });
  return (
    <form
      noValidate
      method="post"
      onSubmit={form.onSubmit(async (v) => {
        setError(null);
        try {
          const user = await reset.mutateAsync({ token, password: v.password });
          setError(await signInAfterLink(router, user.email, v.password));
        } catch (err) {
          const e = readServerError(err);
          form.setErrors(e.fieldErrors);
          setError(e.message);
        }
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert" title="Not done">
            {error}
          </Alert>
        )}
        <PasswordInput label="New password" description="10 characters or more" required autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
        <PasswordInput label="New password again" required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={form.submitting}>
          Set new password
        </Button>
      </Stack>
    </form>
  );
}
