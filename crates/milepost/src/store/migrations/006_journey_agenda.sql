-- A workshop's agenda (timed steps) belongs to the journey as a whole: one JSON array.
ALTER TABLE journey ADD COLUMN agenda TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agenda));
