'use client';

import { Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createStoryInput } from '~/server/stories/stories.schema';
import { zodValidate } from '../_components/forms';
import { useSave } from '../_components/useSave';
import { SaveError } from '../_components/SaveError';
import { FormActions } from '../_components/FormActions';

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
  const { formRef, error, handleSubmit } = useSave(form, onSubmit);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={handleSubmit}
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
        <FormActions submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
