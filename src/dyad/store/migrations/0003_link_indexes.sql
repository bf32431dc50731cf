-- dyad store, schema 3: indexes for the lookups linking makes per document, so that linking
-- one more document costs the same however many are in the store (no full-table scans).

-- Forgetting a document's reuse pairs (`clear_links`, `replace_source`): "a = ? OR b = ?"
-- uses the primary key for a and this index for b.
CREATE INDEX reuse_b ON reuse(b);

-- Forgetting a document's event and quote keys when it is linked again.
CREATE INDEX event_keys_doc ON event_keys(doc_id);
CREATE INDEX quote_keys_doc ON quote_keys(doc_id);

-- Event candidates: one pair and type group, first days in a range.
DROP INDEX event_keys_pair;
CREATE INDEX event_keys_pair ON event_keys(pair, type, day_first);
