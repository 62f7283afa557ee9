import { ErrorCode } from '@ioc-graph/platform';
import express from 'express';
import { sendRepresentation } from '../conditional';
import { OpenRequestError } from '../openOperations';
import { openHandler, type OpenRouterContext } from '../openRoutes';
import { ATOM_MEDIA_TYPE, renderCapAtom, type CapAtomWarning } from './capAtom';
import { CAP_MEDIA_TYPE, renderCapMessage, type CapWarningMessage } from './capMessage';

/** The API key scope of the public warnings. */
export const WARNINGS_SCOPE = 'warnings';
/** Seconds a client may keep an answer: the graph's cache hint of public warnings. */
const MAX_AGE_SECONDS = 30;
/** Warnings per GraphQL page, and pages read at most for the index (a province has a handful at a time). */
const PAGE = 50;
const MAX_PAGES = 10;
/** CAP identifiers are the hub's own (`urn:ioc-graph:…`); anything longer is refused before it is looked up. */
const MAX_IDENTIFIER_LENGTH = 200;

interface WarningsData {
  publicWarnings: {
    edges: { node: { id: string; messages: CapAtomWarning['latest'][] } }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

/**
 * `GET /open/v1/warnings.atom`: the Atom index of the active public warnings, each entry linking its
 * latest CAP message; `GET /open/v1/warnings/{identifier}.cap`: one CAP 1.2 message as it was sent.
 * Both read the persisted operations of gateway/open/operations/publicWarnings.graphql for the caller.
 */
export function warningsRouter(context: OpenRouterContext) {
  const router = express.Router();
  context.open.require('OpenPublicWarnings', 'OpenPublicWarningMessage');
  const selfUrl = `${context.publicUrl}/open/v1/warnings.atom`;

  router.get(
    '/open/v1/warnings.atom',
    context.admit(WARNINGS_SCOPE),
    openHandler(context, async (req, res) => {
      const warnings: CapAtomWarning[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: WarningsData = await context.open.run(res, 'OpenPublicWarnings', { first: PAGE, after });
        const { edges, pageInfo } = data.publicWarnings;
        for (const { node } of edges) if (node.messages.length) warnings.push({ id: node.id, latest: node.messages.at(-1)! });
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      context.open.countRows(res, warnings.length);
      const sent = warnings.map((warning) => Date.parse(warning.latest.sent));
      sendRepresentation(req, res, {
        body: renderCapAtom(warnings, selfUrl),
        contentType: `${ATOM_MEDIA_TYPE}; charset=utf-8`,
        lastModified: sent.length ? new Date(Math.max(...sent)) : null,
        maxAgeSeconds: MAX_AGE_SECONDS,
      });
    }),
  );

  router.get(
    '/open/v1/warnings/:file',
    context.admit(WARNINGS_SCOPE),
    openHandler(context, async (req, res) => {
      const file = String(req.params.file);
      if (!file.endsWith('.cap') || file.length > MAX_IDENTIFIER_LENGTH + 4)
        throw new OpenRequestError(404, ErrorCode.NOT_FOUND, 'A CAP message is read at /open/v1/warnings/{identifier}.cap');
      const identifier = file.slice(0, -'.cap'.length);
      const data = await context.open.run<{ publicWarningMessage: CapWarningMessage | null }>(res, 'OpenPublicWarningMessage', {
        identifier,
      });
      const message = data.publicWarningMessage;
      if (!message) throw new OpenRequestError(404, ErrorCode.NOT_FOUND, `No CAP message has the identifier ${identifier}`);
      context.open.countRows(res, 1);
      sendRepresentation(req, res, {
        body: renderCapMessage(message, { web: `${context.publicUrl}/portal/` }),
        contentType: CAP_MEDIA_TYPE,
        lastModified: new Date(message.sent),
        maxAgeSeconds: MAX_AGE_SECONDS,
      });
    }),
  );
  return router;
}
