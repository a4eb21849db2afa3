import { z } from 'zod';
import { ROLES } from '~/db/schema';
import { text } from '../shared/fields';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an email address like name@desk.org'));
export const password = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(128, 'A password can be 128 characters at most');
export const role = z.enum(ROLES, 'Choose checker, editor or admin');
const userId = z.string().min(1).max(100);

export const createUserInput = z.object({ email, name: text('Name', 1, 100), role, password });
export type CreateUserInput = z.input<typeof createUserInput>;

export const setRoleInput = z.object({ userId, role });
export const setDisabledInput = z.object({ userId, disabled: z.boolean() });
export const inviteInput = z.object({ email, role });
export const invitationTokenInput = z.object({ token: z.string().min(20).max(200) });
export const acceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  name: text('Name', 1, 100),
  password,
});
