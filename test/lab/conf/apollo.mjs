// Apollo Server 4 standalone with its defaults: CSRF prevention on, an auth check in the context/resolvers.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';

const typeDefs = `type Query { me: String, hello: String }`;
const resolvers = {
  Query: {
    hello: () => 'world',
    me: (_, __, ctx) => {
      if (!ctx.token)
        throw new GraphQLError('You must be logged in', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } },
        });
      if (ctx.token !== 'lab-admin') throw new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
      return 'admin';
    },
  },
};
const server = new ApolloServer({ typeDefs, resolvers });
await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  context: async ({ req }) => ({ token: (req.headers.authorization ?? '').replace(/^Bearer /, '') }),
});
