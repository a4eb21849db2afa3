'use client';

import { Alert, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CLAIM_STATUSES, STATUS_LABEL, type ClaimStatus } from '~/server/shared/enums';
import { createClaimInput } from '~/server/claims/claims.schema';
import { readServerError, zodValidate, type ServerError } from '../_components/forms';
import { StaleNotice } from '../_components/StaleNotice';
import { SimilarClaims } from '../_widgets/SimilarClaims';
import { FormActions } from '../_components/FormActions';

export interface ClaimFormValues {
  text: string;
  contextNote: string;
  eventDate: string;
  status: ClaimStatus;
  storyIds: string[];
}

/**
 * The claim form, for logging and for editing. Validated by the same zod schema as the
 * procedure; server errors land beside the field they concern; a failed save keeps the text.
 */
export function ClaimForm({
  initial,
  stories,
  submitLabel,
  onSubmit,
  onCancel,
  multiStory,
  suggestDuplicates,
}: {
  initial: ClaimFormValues;
  stories: { id: number; title: string }[];
  submitLabel: string;
  /** `version`: save over this version (after a conflict, to apply the edit on top of theirs). */
  onSubmit: (v: ClaimFormValues, version?: number) => Promise<unknown>;
  onCancel?: () => void;
  multiStory?: boolean;
  /** Logging a new claim: show the existing claims most like the text as it is typed. */
  suggestDuplicates?: boolean;
}) {
  const form = useForm<ClaimFormValues>({
    initialValues: initial,
    validate: (v) => zodValidate(createClaimInput)({ ...v, storyId: null }),
  });
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<ServerError['current']>(null);
  const save = async (values: ClaimFormValues, version?: number) => {
    setError(null);
    setStale(null);
    try {
      await onSubmit(values, version);
    } catch (err) {
      const e = readServerError(err);
      if (e.current) return setStale(e.current);
      form.setErrors(e.fieldErrors);
      setError(e.message);
    }
  };
  const storyData = stories.map((s) => ({ value: String(s.id), label: s.title }));

  return (
    <form
      onSubmit={form.onSubmit((values) => save(values))}
      noValidate
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" title="Not saved" role="alert">
            {error}
          </Alert>
        )}
        {stale && (
          <StaleNotice
            started={{ ...initial, eventDate: initial.eventDate || null }}
            current={stale}
            fields={{ text: 'Claim', contextNote: 'Context note', eventDate: 'Event date', status: 'Status' }}
            onReapply={() => save(form.values, stale.version)}
            onDiscard={() => {
              setStale(null);
              onCancel?.();
            }}
          />
        )}
        <Textarea
          label="Claim"
          description="One checkable statement, in neutral words of your own."
          placeholder="e.g. Bashar al-Assad has left Syria."
          autosize
          minRows={2}
          maxRows={6}
          required
          data-autofocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          {...form.getInputProps('text')}
        />
        {suggestDuplicates && <SimilarClaims text={form.values.text} />}
        <Textarea
          label="Context note"
          description="Where it came up, what makes it hard to check."
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('contextNote')}
        />
        <Group grow align="flex-start">
          <TextInput type="date" label="Event date" description="When the claimed event happened" {...form.getInputProps('eventDate')} />
          <Select
            label="Status"
            description="Where the claim stands on the desk"
            data={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        </Group>
        {multiStory ? (
          <MultiSelect label="Stories" data={storyData} searchable clearable {...form.getInputProps('storyIds')} />
        ) : (
          <Select
            label="Story"
            description="The developing event this claim belongs to"
            data={storyData}
            clearable
            searchable
            value={form.values.storyIds[0] ?? null}
            onChange={(v) => form.setFieldValue('storyIds', v ? [v] : [])}
            error={form.errors.storyId}
          />
        )}
        <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
