/**
 * The events of the directory: a change to an administrative unit or an agency. Other subgraphs copy
 * facts of these records when they write (a unit's lineage onto alerts and incidents, an agency's name
 * onto the timeline) and keep them in caches that these events invalidate. Seen by the center only.
 */

/** `administrativeUnit.updated`, `agency.updated`: the record changed (its name, parent, jurisdiction…). */
export const DIRECTORY_EVENT_TYPES = ['administrativeUnit.updated', 'agency.updated'] as const;
export type DirectoryEventType = (typeof DIRECTORY_EVENT_TYPES)[number];

/** The payload of every directory event. The entity (its type and id) is the record that changed. */
export type DirectoryEventPayload = {
  /** The record's national (or local) code, for people reading the log. */
  code: string;
};
