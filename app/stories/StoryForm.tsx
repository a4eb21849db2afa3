'use client';

import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { createStoryInput } from '~/server/stories/stories.schema';
import { readServerError, zodValidate, type ServerError } from '../_components/forms';
import { focusFirstInvalid } from '../_components/focus-invalid';
import { SaveError } from '../_components/SaveError';

export interface StoryFormValues {
  title: string;
  description: string;
}

const validate = zodValidate(createStoryInput);

/** The story form (title, description), for creating and editing; same zod schema as the procedure. */
export function StoryForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: {
  initial: StoryFormValues;
  submitLabel: string;
  onSubmit: (v: StoryFormValues) => Promise<unknown>;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const form = useForm<StoryFormValues>({ initialValues: initial, validate: (v) => validate(v) });
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
        <TextInput
          label="Title"
          description="The developing event, e.g. Fall of Damascus, Dec 2024"
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Textarea
          label="Description"
          description="What the story covers, for colleagues joining the desk"
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
