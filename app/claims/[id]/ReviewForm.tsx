'use client';

import { Group, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { z } from 'zod';
import { reviewFields } from '~/server/reviews/reviews.schema';
import { VERDICT_LABEL } from '~/server/shared/enums';
import { VerdictBadge } from '../../_components/badges';
import { focusFirstInvalid } from '../../_components/focus-invalid';
import { readServerError, zodValidate, type ServerError } from '../../_components/forms';
import { SaveError } from '../../_components/SaveError';
import { FormActions } from '../../_components/FormActions';

export interface ReviewValues {
  decision: 'accept' | 'override';
  /** The overriding level, as the select holds it ('1'…'6'). */
  verdict: string | null;
  rationale: string;
}

const validateFields = zodValidate(z.object(reviewFields));

const VERDICT_OPTIONS = ([1, 2, 3, 4, 5, 6] as const).map((v) => ({ value: String(v), label: `${v} · ${VERDICT_LABEL[v]}` }));

const verdictOf = (v: ReviewValues, suggested: number) => (v.decision === 'accept' ? suggested : v.verdict ? Number(v.verdict) : Number.NaN);

/**
 * An editor's review: accept the suggested level or override it, with a rationale in Markdown.
 * Validated by the procedure's own field schemas; a failed save keeps what was typed (when the
 * evidence changed meanwhile, the assessment behind the dialog reloads and the editor saves again).
 */
export function ReviewForm({
  suggested,
  score,
  onSubmit,
  onCancel,
  onStale,
}: {
  suggested: keyof typeof VERDICT_LABEL;
  score: number;
  onSubmit: (v: { verdict: number; rationale: string }) => Promise<unknown>;
  onCancel: () => void;
  /** The claim or its evidence changed meanwhile: reload them. */
  onStale: () => void;
}) {
  const form = useForm<ReviewValues>({
    initialValues: { decision: 'accept', verdict: String(suggested), rationale: '' },
    validate: (v) => validateFields({ verdict: verdictOf(v, suggested), rationale: v.rationale }),
  });
  const [error, setError] = useState<ServerError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        async (values) => {
          setError(null);
          try {
            await onSubmit({ verdict: verdictOf(values, suggested), rationale: values.rationale });
          } catch (err) {
            const e = readServerError(err);
            form.setErrors(e.fieldErrors);
            setError(e);
            if (e.reason === 'stale') onStale();
            focusFirstInvalid(formRef.current);
          }
        },
        () => focusFirstInvalid(formRef.current),
      )}
    >
      <Stack gap="sm">
        <SaveError error={error} />
        <Group gap="xs">
          <Text size="sm">The live assessment suggests</Text>
          <VerdictBadge verdict={suggested} />
          <Text size="sm" c="dimmed">
            (support {score.toFixed(2)})
          </Text>
        </Group>
        <Radio.Group label="Verdict" required {...form.getInputProps('decision')}>
          <Stack gap={6} mt={6}>
            <Radio value="accept" label={`Accept the suggestion: ${suggested} · ${VERDICT_LABEL[suggested]}`} data-autofocus />
            <Radio value="override" label="Override it with my own verdict" />
          </Stack>
        </Radio.Group>
        {form.values.decision === 'override' && (
          <Select
            label="My verdict"
            description="1 confirmed by independent sources … 5 improbable; 6 cannot be judged"
            required
            data={VERDICT_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('verdict')}
          />
        )}
        <Textarea
          label="Rationale"
          description="Why this verdict, in Markdown (**bold**, lists, links). HTML is not rendered. Kept with the review."
          required
          autosize
          minRows={4}
          maxRows={14}
          {...form.getInputProps('rationale')}
        />
        <FormActions submitLabel="Publish verdict" submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
