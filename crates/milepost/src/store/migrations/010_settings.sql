-- The workspace's own settings, one value per key (the currency every amount of money in
-- the workspace is in, …). A key that is absent takes its default.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
