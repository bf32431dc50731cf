-- dyad store, schema 1: sources, documents, posts, cleaning record, corpus statistics,
-- and the tables later stages fill (mentions, events, quotes, clusters, reuse).
-- Dates are ISO strings; lists are JSON arrays in TEXT columns.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    finished    TEXT,
    inputs      TEXT NOT NULL,              -- JSON list of the paths given
    status      TEXT NOT NULL DEFAULT 'running',   -- running | done | interrupted
    n_new       INTEGER NOT NULL DEFAULT 0,
    n_unchanged INTEGER NOT NULL DEFAULT 0,
    n_errors    INTEGER NOT NULL DEFAULT 0
);

-- One row per file read (a .txt, an HTML page, a JSONL file, a Telegram export).
CREATE TABLE sources (
    path        TEXT PRIMARY KEY,           -- relative to the corpus folder
    root        TEXT NOT NULL,              -- the corpus folder it was read from
    fingerprint TEXT NOT NULL,              -- sha256 of the bytes and the manifest entry
    size        INTEGER NOT NULL,
    fmt         TEXT,
    status      TEXT NOT NULL,              -- ok | error
    error       TEXT,
    read_at     TEXT NOT NULL
);

CREATE TABLE errors (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER REFERENCES runs(id),
    path    TEXT NOT NULL,
    reason  TEXT NOT NULL
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    file          TEXT NOT NULL UNIQUE,     -- identity in the output
    source_path   TEXT NOT NULL REFERENCES sources(path) ON DELETE CASCADE,
    fmt           TEXT NOT NULL,
    stage         TEXT NOT NULL DEFAULT 'read',   -- read -> processed -> linked
    url           TEXT,
    title         TEXT,
    author        TEXT,
    given         TEXT NOT NULL DEFAULT '{}',     -- JSON: what the manifest/page said
    extra         TEXT NOT NULL DEFAULT '{}',     -- JSON: other metadata keys
    group_key     TEXT NOT NULL DEFAULT '',       -- outlet/site group for corpus statistics
    raw_text      TEXT NOT NULL,
    text          TEXT,
    language      TEXT,
    published     TEXT,
    kind          TEXT,
    outlet        TEXT,
    cited_sources TEXT NOT NULL DEFAULT '[]',
    duplicate_of  TEXT,
    minhash       BLOB
);
CREATE INDEX documents_source ON documents(source_path);
CREATE INDEX documents_stage ON documents(stage);

CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    raw_text       TEXT NOT NULL,
    text           TEXT,
    date           TEXT,
    forwarded_from TEXT,
    message_id     TEXT,
    language       TEXT,
    duplicate_of   INTEGER,                 -- idx of the earlier post it repeats
    UNIQUE (doc_id, idx)
);

-- What cleaning removed, so that it can be inspected and undone.
CREATE TABLE dropped_lines (
    doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    post    INTEGER,
    line_no INTEGER NOT NULL,
    rule    TEXT NOT NULL,
    text    TEXT NOT NULL
);
CREATE INDEX dropped_lines_doc ON dropped_lines(doc_id);

-- Short lines of each document, hashed, for "repeated across an outlet's documents".
CREATE TABLE doc_lines (
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    group_key TEXT NOT NULL,
    line_hash INTEGER NOT NULL,
    PRIMARY KEY (doc_id, line_hash)
) WITHOUT ROWID;
CREATE INDEX doc_lines_group ON doc_lines(group_key, line_hash);

-- MinHash LSH buckets of the cleaned text (near-duplicate documents).
CREATE TABLE lsh_buckets (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    band   INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    PRIMARY KEY (band, bucket, doc_id)
) WITHOUT ROWID;
CREATE INDEX lsh_buckets_doc ON lsh_buckets(doc_id);

CREATE TABLE mentions (
    id      INTEGER PRIMARY KEY,
    doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    post    INTEGER,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    code    TEXT,
    person  TEXT,
    method  TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE clusters (
    id    TEXT PRIMARY KEY,                 -- ev-000017, qt-000004
    kind  TEXT NOT NULL                     -- event | quote
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    people         TEXT NOT NULL DEFAULT '[]',   -- JSON [{name, acts_for}]
    date_first     TEXT,
    date_last      TEXT,
    place          TEXT,
    evidence       TEXT NOT NULL,
    evidence_start INTEGER,
    post           INTEGER,
    planned        INTEGER NOT NULL DEFAULT 0,
    negated        INTEGER NOT NULL DEFAULT 0,
    cluster        TEXT REFERENCES clusters(id),
    UNIQUE (doc_id, idx)
);
CREATE INDEX events_cluster ON events(cluster);

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    doc_id           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    speaker_name     TEXT,
    speaker_acts_for TEXT,
    text             TEXT NOT NULL,
    via              TEXT,
    date_first       TEXT,
    date_last        TEXT,
    start            INTEGER,
    post             INTEGER,
    cluster          TEXT REFERENCES clusters(id),
    UNIQUE (doc_id, idx)
);
CREATE INDEX quotes_cluster ON quotes(cluster);

CREATE TABLE reuse (
    a      TEXT NOT NULL,                   -- document file
    b      TEXT NOT NULL,
    a_text TEXT NOT NULL,
    b_text TEXT NOT NULL,
    score  REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (a, b)
);
