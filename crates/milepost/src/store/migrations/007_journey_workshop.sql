-- Who took part in a journey's workshop and what it decided: one JSON object.
ALTER TABLE journey ADD COLUMN workshop TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(workshop));
