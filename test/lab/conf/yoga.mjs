// The fifth set (issue 17): GraphQL Yoga 5 (The Guild) on node:http, configured as the-guild.dev/graphql/yoga-server
// shows it: its built-in CORS option, the CSRF-prevention plugin (@graphql-yoga/plugin-csrf-prevention), Envelop's
// generic-auth plugin in protect-granular mode (@authenticated, @requiresScopes), and GraphQLErrors carrying
// `extensions.http.status` (Yoga's documented way to choose the HTTP status of an error). Errors are masked as in
// production (Yoga's default maskedErrors), so an unexpected throw reads "Unexpected error.".
import { createServer } from 'node:http';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useGenericAuth, DIRECTIVE_SDL, REQUIRES_SCOPES_DIRECTIVE_SDL } from '@envelop/generic-auth';

const PORT = Number(process.env.PORT);
const USERS = {
  'Bearer lab-yoga-reader': { id: 'u1', name: 'reader', scope: 'orders:read' },
  'Bearer lab-yoga-admin': { id: 'u2', name: 'admin', scope: 'orders:read orders:write' },
};
let hits = 0;

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    ${DIRECTIVE_SDL}
    ${REQUIRES_SCOPES_DIRECTIVE_SDL}
    type Query {
      hello: String
      me: String @authenticated
      orders: [String] @requiresScopes(scopes: [["orders:read"]])
      report: String
      invoice(id: ID!): String
      search(term: String!): [String]
      broken: String
    }
    type Mutation {
      cancelOrder(id: ID!): Boolean @requiresScopes(scopes: [["orders:write"]])
      signIn(email: String!, password: String!): String
    }
  `,
  resolvers: {
    Query: {
      hello: () => 'world',
      me: (_, __, ctx) => ctx.currentUser.name,
      orders: () => ['o-1', 'o-2'],
      // the docs' "error with an HTTP status": a resolver throwing a GraphQLError with extensions.http
      report: (_, __, ctx) => {
        if (!ctx.currentUser)
          throw new GraphQLError('You must sign in to read reports', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          });
        throw new GraphQLError('Reports are for finance staff only', {
          extensions: { code: 'FORBIDDEN', http: { status: 403 } },
        });
      },
      invoice: (_, { id }) => {
        if (id !== '1') throw new GraphQLError(`Invoice ${id} not found`, { extensions: { code: 'NOT_FOUND', http: { status: 404 } } });
        return 'invoice 1';
      },
      search: (_, { term }) => {
        hits += 1;
        if (hits > 3)
          throw new GraphQLError('Too many searches, slow down', {
            extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'Retry-After': '60' } } },
          });
        return [term];
      },
      broken: () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    },
    Mutation: {
      cancelOrder: () => true,
      signIn: (_, { email, password }) => {
        if (password.length < 8)
          throw new GraphQLError('password must be at least 8 characters', {
            extensions: { code: 'BAD_USER_INPUT', field: 'password', http: { status: 400 } },
          });
        return `signed in ${email}`;
      },
    },
  },
});

const yoga = createYoga({
  schema,
  // Yoga's built-in CORS: one partner origin, with credentials
  cors: { origin: 'https://app.example.com', credentials: true, methods: ['POST'] },
  context: ({ request }) => ({ currentUser: USERS[request.headers.get('authorization') ?? ''] ?? null }),
  plugins: [
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
    useGenericAuth({ mode: 'protect-granular', resolveUserFn: (ctx) => ctx.currentUser }),
  ],
  graphiql: false,
});

createServer(yoga).listen(PORT, '127.0.0.1');
