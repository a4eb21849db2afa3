'use client';

import { Alert, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { createLinkInput } from '~/server/links/links.schema';
import type { LinkKind } from '~/server/shared/enums';
import { readServerError, zodValidate } from '../../_components/forms';
import { ClaimPicker, type Picked } from '../../_widgets/pickers';
import { FormActions } from '../../_components/FormActions';

const KINDS: { value: LinkKind; label: string }[] = [
  { value: 'contradicts', label: 'contradicts' },
  { value: 'supports', label: 'supports (is evidence for)' },
  { value: 'duplicate_of', label: 'is a duplicate of' },
  { value: 'part_of', label: 'is part of' },
];

interface Values {
  kind: LinkKind;
  other: Picked | null;
  note: string;
}

/** “This claim … that claim”, found by autocomplete over claim text. */
export function LinkForm({
  claimId,
  onSubmit,
  onCancel,
}: {
  claimId: number;
  onSubmit: (p: { fromClaimId: number; toClaimId: number; kind: LinkKind; note: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const toInput = (v: Values) => ({ fromClaimId: claimId, toClaimId: v.other?.id ?? 0, kind: v.kind, note: v.note });
  const form = useForm<Values>({
    initialValues: { kind: 'contradicts', other: null, note: '' },
    validate: (v) => {
      if (!v.other) return { other: 'Pick the other claim' };
      const e = zodValidate(createLinkInput)(toInput(v));
      return e.toClaimId ? { other: e.toClaimId, ...e } : e;
    },
  });
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        setError(null);
        try {
          await onSubmit(toInput(v));
        } catch (err) {
          const e = readServerError(err);
          form.setErrors({ ...e.fieldErrors, other: e.fieldErrors.toClaimId });
          setError(e.message);
        }
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" title="Not linked" role="alert">
            {error}
          </Alert>
        )}
        <Select label="This claim…" data={KINDS} allowDeselect={false} {...form.getInputProps('kind')} />
        <ClaimPicker
          label="…that claim"
          required
          excludeId={claimId}
          value={form.values.other}
          onChange={(p) => form.setFieldValue('other', p)}
          error={form.errors.other}
        />
        <Textarea label="Note" description="Why they relate" autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions submitLabel="Link claims" submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
