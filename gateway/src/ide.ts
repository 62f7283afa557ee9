import { getDistDirectory, renderAltair } from 'altair-static';
import express, { type Express } from 'express';

const INITIAL_QUERY = `# ioc-graph: the province's operations graph. Paste a token under "Set headers" as
# Authorization: Bearer <token> (npm start prints one per role).
query ProvinceUnits {
  administrativeUnits(filter: { level: DISTRICT }, first: 20) {
    totalCount
    edges {
      node {
        code
        nameVi
        nameEn
        agencies { code nameVi kind }
      }
    }
  }
}
`;

/**
 * Serves the Altair GraphQL IDE at `/` from the altair-static package: every asset comes from this
 * server, nothing from a CDN, because operations centers often run on closed networks.
 */
export function mountIde(app: Express): void {
  app.use('/ide', express.static(getDistDirectory(), { index: false, maxAge: '1d' }));
  app.get('/', (req, res) => {
    const secure = req.secure || req.header('x-forwarded-proto') === 'https';
    const host = req.header('x-forwarded-host') ?? req.header('host') ?? 'localhost';
    res.type('html').send(
      renderAltair({
        baseURL: '/ide/',
        endpointURL: '/graphql',
        subscriptionsEndpoint: `${secure ? 'wss' : 'ws'}://${host}/graphql`,
        initialSubscriptionRequestHandlerId: 'graphql-ws',
        initialQuery: INITIAL_QUERY,
        initialName: 'ioc-graph',
        disableAccount: true,
      }),
    );
  });
}
