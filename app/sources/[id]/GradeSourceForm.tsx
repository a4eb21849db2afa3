'use client';

import { Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import type { ReliabilityGrade } from '~/server/shared/enums';
import { gradeSourceInput } from '~/server/sources/sources.schema';
import { readServerError, zodValidate, type ServerError } from '../../_components/forms';
import { focusFirstInvalid } from '../../_components/focus-invalid';
import { SaveError } from '../../_components/SaveError';
import { GRADE_OPTIONS } from '../options';
import { FormActions } from '../../_components/FormActions';

export interface GradeValues {
  reliability: ReliabilityGrade;
  reliabilityNote: string;
}

const validate = zodValidate(gradeSourceInput);

/**
 * An editor's grade of a source: A–F and the rationale every grade needs. Validated by the
 * procedure's own zod schema; server errors land beside their field; on a stale version the
 * editor may load the current grade (SaveError), as the source's edit form does.
 */
export function GradeSourceForm({
  source,
  onSubmit,
  onCancel,
  onReload,
}: {
  /** The source as read: its id and version go with the grade. */
  source: { id: number; version: number; name: string } & GradeValues;
  onSubmit: (v: GradeValues) => Promise<unknown>;
  onCancel: () => void;
  onReload: () => void;
}) {
  const form = useForm<GradeValues>({
    initialValues: { reliability: source.reliability, reliabilityNote: source.reliabilityNote },
    validate: (v) => validate({ ...v, id: source.id, version: source.version }),
  });
  const [error, setError] = useState<ServerError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setError(null);
        try {
          await onSubmit(values);
        } catch (err) {
          const e = readServerError(err);
          form.setErrors(e.fieldErrors);
          setError(e);
          focusFirstInvalid(formRef.current);
        }
      }, () => focusFirstInvalid(formRef.current))}
    >
      <Stack gap="sm">
        <SaveError error={error} onReload={onReload} />
        <Text size="sm" c="dimmed">
          How far the desk can rely on what {source.name} says. Every grade needs its reason; the
          change and the rationale are kept in the source’s history.
        </Text>
        <Select
          label="Reliability grade"
          description="A completely reliable … E unreliable; F cannot be judged"
          required
          data={GRADE_OPTIONS}
          allowDeselect={false}
          data-autofocus
          {...form.getInputProps('reliability')}
        />
        <Textarea
          label="Grade rationale"
          description="Why this grade: track record, independence, stake in the story"
          required
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('reliabilityNote')}
        />
        <FormActions submitLabel="Save grade" submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
