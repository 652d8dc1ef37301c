-- Customer data: customers, their usage events (long format) and their stakeholders.
-- Times are Unix seconds, UTC. Events name their customer by its internal key and their
-- event by a number (event_name), so a million events stay small and fast to load.
CREATE TABLE customer (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    segment TEXT,
    industry TEXT,
    plan TEXT,
    arr REAL,
    start_date INTEGER,
    churn_date INTEGER,
    owner TEXT,
    -- The file's other columns, as a JSON object of header -> text.
    attributes TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE event_name (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- rowid keeps file order, which breaks ties between events at the same time.
CREATE TABLE event (
    customer INTEGER NOT NULL,
    at INTEGER NOT NULL,
    name INTEGER NOT NULL,
    value REAL NOT NULL
);

CREATE TABLE stakeholder (
    customer INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    decision_maker INTEGER,
    purpose REAL,
    intent REAL,
    desire REAL,
    skills REAL,
    revenue_impact REAL,
    modularity REAL,
    effort REAL,
    complexity REAL,
    UNIQUE (customer, name)
);

CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL DEFAULT (unixepoch()),
    tbl TEXT NOT NULL,
    file TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    report TEXT NOT NULL
);
