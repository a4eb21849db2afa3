'use client';

import type { UseFormReturnType } from '@mantine/form';
import { useRef, useState } from 'react';
import { focusFirstInvalid } from './focus-invalid';
import { readServerError, type ServerError } from './forms';

/**
 * The save cycle every record form shares: submit, and on failure put the server's field errors
 * beside their fields, keep what was typed, show the message above, and move focus to the first
 * field that needs fixing (also after client-side validation fails).
 */
export function useSave<V extends Record<string, any>>(form: UseFormReturnType<V, any, any>, save: (values: V) => Promise<unknown>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<ServerError | null>(null);
  const handleSubmit = form.onSubmit(
    async (values) => {
      setError(null);
      try {
        await save(values);
      } catch (err) {
        const e = readServerError(err);
        form.setErrors(e.fieldErrors);
        setError(e);
        focusFirstInvalid(formRef.current);
      }
    },
    () => focusFirstInvalid(formRef.current),
  );
  return { formRef, error, handleSubmit };
}
