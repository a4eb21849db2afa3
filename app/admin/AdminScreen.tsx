'use client';

import { Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES, ROLE_DESCRIPTION, ROLE_LABEL, type Role } from '~/server/users/roles';
import { inviteInput } from '~/server/users/users.schema';
import { formatDate, formatDateTime } from '../_components/format';
import { readServerError, zodValidate } from '../_components/forms';
import { useMe } from '../_components/me';
import { PageHeader } from '../_components/PageHeader';
import { useTRPC } from '../_trpc/react';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export function AdminScreen() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const me = useMe();
  // Refetched each minute: a sign-in lock counts down and ends by itself.
  const { data: users } = useSuspenseQuery({ ...trpc.users.list.queryOptions(), refetchInterval: 60_000 });
  const { data: invitations } = useSuspenseQuery(trpc.users.invitations.queryOptions());
  const { data: chain } = useSuspenseQuery(trpc.users.auditChain.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSettled: refresh }));
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSettled: refresh }));
  const invite = useMutation(trpc.users.invite.mutationOptions({ onSettled: refresh }));
  const unlock = useMutation(trpc.users.unlock.mutationOptions({ onSettled: refresh }));
  const createReset = useMutation(trpc.users.createPasswordReset.mutationOptions({ onSettled: refresh }));
  const [link, setLink] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<{ url: string; name: string; email: string; expiresAt: string } | null>(null);
  const form = useForm<{ email: string; role: Role }>({ initialValues: { email: '', role: 'checker' }, validate: zodValidate(inviteInput) });

  const fail = (err: unknown) => notifications.show({ color: 'red', title: 'Not changed', message: readServerError(err).message });
  const unlockUser = (u: { id: string; name: string }) =>
    unlock
      .mutateAsync({ userId: u.id })
      .then(() => notifications.show({ color: 'green', message: `${u.name} can sign in again.` }))
      .catch(fail);
  const makeResetLink = (u: { id: string }) =>
    createReset
      .mutateAsync({ userId: u.id })
      .then((r) => setResetLink({ url: `${window.location.origin}/invite/${r.token}`, name: r.name, email: r.email, expiresAt: r.expiresAt }))
      .catch(fail);

  return (
    <>
      <PageHeader title="Admin" subtitle="Desk members, their roles, invitations, and the state of the history." />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            Invite someone
          </Title>
          <form
            noValidate
            onSubmit={form.onSubmit(async (v) => {
              try {
                const r = await invite.mutateAsync(v);
                setLink(`${window.location.origin}/invite/${r.token}`);
                form.reset();
              } catch (err) {
                const e = readServerError(err);
                form.setErrors(e.fieldErrors);
                if (!Object.keys(e.fieldErrors).length) fail(err);
              }
            })}
          >
            <Group align="flex-start" grow>
              <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
              <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {ROLE_LABEL[form.values.role]}: {ROLE_DESCRIPTION[form.values.role]}.
            </Text>
            <Button type="submit" mt="sm" loading={invite.isPending}>
              Create invitation link
            </Button>
          </form>
          {link && (
            <Alert color="green" mt="sm" title="Send this link to them (it works once, for 7 days)">
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" style={{ wordBreak: 'break-all' }} data-testid="invitation-link">
                  {link}
                </Text>
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="light" onClick={copy}>
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Alert>
          )}
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            History integrity
          </Title>
          {chain.ok ? (
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <IconCircleCheck color="var(--mantine-color-green-7)" aria-hidden />
              <Text size="sm">
                <b>Intact.</b> All {chain.events} recorded changes verify against their hash chain (head{' '}
                <code>{chain.head.slice(0, 12)}…</code>).
              </Text>
            </Group>
          ) : (
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <IconAlertTriangle color="var(--mantine-color-red-7)" aria-hidden />
              <Text size="sm" c="red.8">
                <b>Broken at event #{chain.brokenAt}:</b> {chain.problem}. The {chain.events} events before it verify.
              </Text>
            </Group>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            Every change stores the hash of the change before it. Run <code>npm run audit:verify</code> on the server for the same check.
          </Text>
        </Card>
      </SimpleGrid>

      <Card withBorder padding={0} mb="lg">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label="Desk members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last active</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td fw={550}>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td w={160}>
                    <Select
                      aria-label={`Role of ${u.name}`}
                      miw={120}
                      data={ROLE_OPTIONS}
                      value={u.role}
                      allowDeselect={false}
                      disabled={u.id === me.id}
                      onChange={(v) => v && setRole.mutateAsync({ userId: u.id, role: v as Role }).catch(fail)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6} align="flex-start">
                      {u.disabled ? (
                        <Badge color="red" variant="light" tt="none">
                          Disabled
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" tt="none">
                          Active
                        </Badge>
                      )}
                      {u.signInLock && (
                        <Badge
                          color="orange"
                          variant="light"
                          tt="none"
                          styles={{ label: { overflow: 'visible' } }}
                          leftSection={<IconLock size={12} aria-hidden />}
                          title={`Too many wrong passwords: locked until ${formatDateTime(u.signInLock.until)}`}
                        >
                          Locked ({u.signInLock.minutesLeft} min left)
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{u.lastSeenAt ? formatDateTime(String(u.lastSeenAt)) : 'never'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {u.signInLock && (
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          aria-label={`Unlock ${u.name}`}
                          loading={unlock.isPending && unlock.variables?.userId === u.id}
                          onClick={() => unlockUser(u)}
                        >
                          Unlock
                        </Button>
                      )}
                      {u.id !== me.id && !u.disabled && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Reset password of ${u.name}`}
                          loading={createReset.isPending && createReset.variables?.userId === u.id}
                          onClick={() => makeResetLink(u)}
                        >
                          Reset password
                        </Button>
                      )}
                      {u.id !== me.id && (
                        <Button
                          size="xs"
                          variant="default"
                          color={u.disabled ? undefined : 'red'}
                          aria-label={u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
                          onClick={() => setDisabled.mutateAsync({ userId: u.id, disabled: !u.disabled }).catch(fail)}
                        >
                          {u.disabled ? 'Enable' : 'Disable'}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {invitations.length > 0 && (
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            Open invitations and reset links
          </Title>
          <Stack gap={4}>
            {invitations.map((i) =>
              i.purpose === 'password_reset' ? (
                <Text size="sm" key={i.id}>
                  Password reset for {i.accountName ?? i.email} ({i.email}), made {formatDateTime(i.createdAt)}
                  {i.invitedByName ? ` by ${i.invitedByName}` : ''}, expires {formatDateTime(i.expiresAt)}
                </Text>
              ) : (
                <Text size="sm" key={i.id}>
                  {i.email} as {ROLE_LABEL[i.role].toLowerCase()}, invited {formatDate(i.createdAt)}
                  {i.invitedByName ? ` by ${i.invitedByName}` : ''}, expires {formatDate(i.expiresAt)}
                </Text>
              ),
            )}
          </Stack>
        </Card>
      )}

      <Modal opened={resetLink !== null} onClose={() => setResetLink(null)} title={`Password reset link for ${resetLink?.name ?? ''}`} size="lg">
        {resetLink && (
          <Stack gap="sm">
            <Text size="sm">
              Send this link to {resetLink.name} at <b>{resetLink.email}</b> yourself. It works once, until {formatDateTime(resetLink.expiresAt)}. With
              it they choose a new password; that also clears a sign-in lock and signs them out on every device. Their current password works
              until then. Any earlier reset link for {resetLink.name} stops working now.
            </Text>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="reset-link">
                {resetLink.url}
              </Code>
              <CopyButton value={resetLink.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} aria-label={copied ? 'Link copied' : 'Copy the link'}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              The link is shown only now. If it is lost, make a new one.
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setResetLink(null)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
