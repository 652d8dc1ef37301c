-- A counter bumped by every save that changes a journey, so an open editor can tell that
-- another window or the CLI changed it (timestamps can collide within a millisecond).
ALTER TABLE journey ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
