-- Named versions (snapshots) of a journey: the whole journey, in the journey file's own
-- format, as it was when saved. "automatic" marks the ones Milepost took itself, before a
-- restore or an import that replaced the journey.
CREATE TABLE journey_version (
    id          INTEGER PRIMARY KEY,
    journey_id  INTEGER NOT NULL REFERENCES journey (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    automatic   INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
    content     TEXT NOT NULL CHECK (json_valid(content))
) STRICT;

CREATE INDEX journey_version_by_journey ON journey_version (journey_id, id);
