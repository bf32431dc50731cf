-- dyad store, schema 2: what linking across documents keeps (dyad.links). Narrow rows, so
-- that finding candidates never reads the wide documents rows.

-- One row per linked document: what linking needs to know of it.
CREATE TABLE link_docs (
    doc_id    INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    file      TEXT NOT NULL,
    language  TEXT,
    day       INTEGER,                      -- publication day (days since 0001-01-01), or NULL
    outlet    TEXT,
    cited     TEXT NOT NULL DEFAULT '[]'    -- JSON: the outlets it credits
);

-- Winnowed fingerprints of each linked document's text and posts (text reuse). A hash
-- stops taking new documents once REUSE_DF_CAP hold it (boilerplate, not reuse).
CREATE TABLE reuse_prints (
    hash   INTEGER NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (hash, doc_id)
) WITHOUT ROWID;
CREATE INDEX reuse_prints_doc ON reuse_prints(doc_id);

-- The blocking keys of each linked, reported event.
CREATE TABLE event_keys (
    event_id  INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    pair      TEXT NOT NULL,                -- "SRC>TGT", or "A|B" (sorted) for symmetric types
    type      TEXT NOT NULL,
    day_first INTEGER,                      -- the event's days, or the publication day ...
    day_last  INTEGER,
    dated     INTEGER NOT NULL,             -- ... when 0: the event itself had no date
    place     TEXT,                         -- canonical place key
    people    TEXT NOT NULL DEFAULT '[]',   -- JSON: surname keys
    cluster   TEXT
);
CREATE INDEX event_keys_pair ON event_keys(pair, day_first);
CREATE INDEX event_keys_cluster ON event_keys(cluster);
CREATE INDEX events_doc ON events(doc_id);

-- The blocking keys of each linked quote that has a speaker.
CREATE TABLE quote_keys (
    quote_id  INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker   TEXT NOT NULL,                -- surname key (and state) of the speaker
    day       INTEGER,                      -- the quote's day, or the publication day
    dated     INTEGER NOT NULL,             -- 1: the quote carried its own date
    language  TEXT,
    cluster   TEXT
);
CREATE INDEX quote_keys_speaker ON quote_keys(speaker, day);
CREATE INDEX quote_keys_cluster ON quote_keys(cluster);
CREATE INDEX quotes_doc ON quotes(doc_id);

-- Sentence embeddings (float16, 384 values) by a hash of the sentence: computed once.
CREATE TABLE vectors (
    key TEXT PRIMARY KEY,
    vec BLOB NOT NULL
) WITHOUT ROWID;

-- The order in which outlets carried each cluster (quote or event), for display.
CREATE TABLE propagation (
    cluster   TEXT PRIMARY KEY REFERENCES clusters(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    size      INTEGER NOT NULL DEFAULT 0,   -- members when computed
    label     TEXT,                         -- speaker, or "TYPE SRC TGT"
    first_day TEXT,
    path      TEXT NOT NULL DEFAULT '[]',   -- JSON: [{file, item, published, outlet, language, via}]
    dirty     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX propagation_dirty ON propagation(dirty);
