import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One operation of a client, as Apollo's persisted query manifest lists it. */
export interface PersistedOperation {
  /** The SHA-256 (hex) of `body`: what a client sends as `extensions.persistedQuery.sha256Hash` or `documentId`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The operation with the fragments it uses, as graphql-js prints it. */
  body: string;
}

/** Apollo's persisted query manifest (`apollo-persisted-query-manifest`, version 1): schema/operations.json. */
export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

/** The SHA-256 of a text's UTF-8 bytes, in lower-case hex: the ids of the manifest and of Apollo's APQ. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a manifest written by `scripts/operationsManifest.js` into a map from id to body. Throws, naming
 * the file, when it is missing, not the manifest format, or lists an id that is not its body's hash (a
 * hand edit): a gateway must not start with a safelist it misreads.
 */
export function readManifest(path: string): Map<string, string> {
  let manifest: PersistedOperationManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedOperationManifest;
  } catch (error) {
    throw new Error(`The persisted operations manifest ${path} cannot be read (npm run generate writes it): ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest of version 1`);
  }
  const operations = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (typeof operation?.body !== 'string' || operation.id !== sha256(operation.body)) {
      throw new Error(`${path}: the id of operation ${operation?.name} is not the SHA-256 of its body (regenerate it)`);
    }
    operations.set(operation.id, operation.body);
  }
  return operations;
}
