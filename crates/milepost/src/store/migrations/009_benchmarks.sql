-- Peer benchmarks imported from another workspace (milepost/benchmarks@1): aggregates only.
CREATE TABLE benchmark (
    id INTEGER PRIMARY KEY,
    journey TEXT NOT NULL,
    as_of TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    body TEXT NOT NULL CHECK (json_valid(body))
);
