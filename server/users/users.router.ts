import { verifyAuditChain } from '../audit/verify';
import { adminProcedure, checkerProcedure, createTRPCRouter, publicProcedure } from '../trpc';
import { acceptInvitationInput, invitationTokenInput, inviteInput, setDisabledInput, setRoleInput } from './users.schema';
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
  auditChain: adminProcedure.query(({ ctx }) => verifyAuditChain(ctx.db)),
  /** Open to anyone holding the link: the invitation is the credential. */
  invitation: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => service.getInvitation(ctx.db, input.token)),
  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(({ ctx, input }) => service.acceptInvitation(ctx.db, input)),
});
