-- Journeys are stored one object per row so the editor saves one change at a time.
-- `body` holds the object's own fields as JSON (a stage without its milestones; a
-- milestone with its criteria and task list); order lives in `position`.
CREATE TABLE journey (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    opened_at   TEXT
) STRICT;

CREATE TABLE journey_item (
    journey_id INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
               CHECK (kind IN ('stage', 'milestone', 'role', 'activity', 'metric', 'matrix', 'note')),
    key        TEXT NOT NULL,
    parent     TEXT,
    position   INTEGER NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (journey_id, kind, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX journey_recent ON journey (coalesce(opened_at, updated_at) DESC);
