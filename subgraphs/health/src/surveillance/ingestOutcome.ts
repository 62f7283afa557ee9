/** What an ingest did: how many records were new and how many were already known. */
export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}
