import { z } from 'zod';
import { ROLES } from '~/db/schema';
import { text } from '../shared/fields';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an email address like name@desk.org'));
export const password = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(128, 'A password can be 128 characters at most');
export const role = z.enum(ROLES, 'Choose checker, editor or admin');
const userId = z.string().min(1, 'Choose an account').max(100, 'Not an account id');

export const createUserInput = z.object({ email, name: text('Name', 1, 100), role, password });
export type CreateUserInput = z.input<typeof createUserInput>;

export const setRoleInput = z.object({ userId, role });
export const setDisabledInput = z.object({ userId, disabled: z.boolean() });
export const inviteInput = z.object({ email, role });
const token = z.string().min(20, 'This link is incomplete').max(200, 'This link is too long');
export const invitationTokenInput = z.object({ token });
export const acceptInvitationInput = z.object({ token, name: text('Name', 1, 100), password });
/** An admin's unlock of a locked account, or a password reset link for it. */
export const accountInput = z.object({ userId });
export const resetPasswordInput = z.object({ token, password });
