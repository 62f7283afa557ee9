/** What an ingest did: how many records were new and how many were already known. */
export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}

/** The records stored when only some were new: those listed, and of a source id repeated in the batch its first. */
export function firstOfEach<R extends { sourceId: string }>(rows: R[], sourceIds: Set<string>): R[] {
  const taken = new Set<string>();
  return rows.filter((r) => sourceIds.has(r.sourceId) && !taken.has(r.sourceId) && Boolean(taken.add(r.sourceId)));
}
