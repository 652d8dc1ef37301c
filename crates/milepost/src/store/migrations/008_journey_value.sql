-- A journey's value-realisation settings: peers, maturity phases, capabilities and the
-- adoption share, as one JSON object (value metrics are marked on the metrics themselves).
ALTER TABLE journey ADD COLUMN value_model TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(value_model));
