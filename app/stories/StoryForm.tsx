'use client';

import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createStoryInput } from '~/server/stories/stories.schema';
import { zodValidate } from '../_components/forms';
import { useSave } from '../_components/useSave';
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
