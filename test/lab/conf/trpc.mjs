// The fifth set (issue 17): tRPC 11's standalone HTTP adapter (@trpc/server/adapters/standalone), set up as
// trpc.io's "Authorization" and "Error handling" pages show: a context read from the Authorization header, a
// `protectedProcedure` middleware throwing TRPCError UNAUTHORIZED, FORBIDDEN for a role, TOO_MANY_REQUESTS, input
// validated by a parser function (BAD_REQUEST), and tRPC's own NOT_FOUND / METHOD_NOT_SUPPORTED answers. The
// standalone adapter's `middleware` option runs the `cors` package (the adapter docs' CORS example).
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import cors from 'cors';

const PORT = Number(process.env.PORT);
const APP = `http://127.0.0.1:${process.env.APP}`;
const TOKENS = { 'Bearer lab-trpc-member': { id: 1, role: 'member' }, 'Bearer lab-trpc-admin': { id: 2, role: 'admin' } };

const t = initTRPC.context().create();
const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.sent ? 'Invalid session token' : 'Please sign in' });
  return next({ ctx: { user: ctx.user } });
});
const protectedProcedure = t.procedure.use(isAuthed);
const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Admins only' });
  return next();
});
let exports_ = 0;
const signInInput = (raw) => {
  if (typeof raw?.email !== 'string' || typeof raw?.password !== 'string' || raw.password.length < 8)
    throw new Error('password: must contain at least 8 characters');
  return raw;
};

const appRouter = t.router({
  health: t.procedure.query(() => 'ok'),
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  users: t.router({ delete: adminProcedure.input((v) => v).mutation(() => ({ ok: true })) }),
  export: protectedProcedure.query(() => {
    exports_ += 1;
    if (exports_ > 2) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Export limit reached, try again later' });
    return { rows: 10 };
  }),
  signIn: t.procedure.input(signInInput).mutation(() => ({ token: 'lab-trpc-member' })),
  report: protectedProcedure.query(() => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }),
});

createHTTPServer({
  router: appRouter,
  middleware: cors({ origin: [APP], credentials: true }),
  createContext: ({ req }) => {
    const header = req.headers.authorization;
    return { sent: Boolean(header), user: TOKENS[header ?? ''] ?? null };
  },
}).listen(PORT, '127.0.0.1');
