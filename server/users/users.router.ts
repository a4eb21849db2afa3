import { verifyAuditChain } from '../audit/verify';
import { adminProcedure, checkerProcedure, createTRPCRouter, publicProcedure } from '../trpc';
import { acceptInvitationInput, accountInput, invitationTokenInput, inviteInput, resetPasswordInput, setDisabledInput, setRoleInput } from './users.schema';
import * as service from './users.service';

export const usersRouter = createTRPCRouter({
  /** Who is signed in (the header's user menu). */
  me: checkerProcedure.query(({ ctx }) => ctx.user),
  /** Desk members, for filters (names only). */
  directory: checkerProcedure.query(async ({ ctx }) => (await service.listUsers(ctx.db)).map((u) => ({ id: u.id, name: u.name, role: u.role }))),
  list: adminProcedure.query(({ ctx }) => service.listUsers(ctx.db)),
  invitations: adminProcedure.query(({ ctx }) => service.openInvitations(ctx.db)),
  setRole: adminProcedure.input(setRoleInput).mutation(({ ctx, input }) => service.setRole(ctx.db, ctx.actorId, input)),
  setDisabled: adminProcedure.input(setDisabledInput).mutation(({ ctx, input }) => service.setDisabled(ctx.db, ctx.actorId, input)),
  invite: adminProcedure.input(inviteInput).mutation(({ ctx, input }) => service.invite(ctx.db, ctx.actorId, input)),
  /** Clears the sign-in lock of an account (too many wrong passwords). */
  unlock: adminProcedure.input(accountInput).mutation(({ ctx, input }) => service.unlock(ctx.db, ctx.actorId, input)),
  /** A one-time link to set a new password, returned once. */
  createPasswordReset: adminProcedure.input(accountInput).mutation(({ ctx, input }) => service.createPasswordReset(ctx.db, ctx.actorId, input)),
  auditChain: adminProcedure.query(({ ctx }) => verifyAuditChain(ctx.db)),
  /** Open to anyone holding the link: the invitation or reset link is the credential. */
  invitation: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => service.getInvitation(ctx.db, input.token)),
  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(({ ctx, input }) => service.acceptInvitation(ctx.db, input)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => service.resetPassword(ctx.db, input)),
});
