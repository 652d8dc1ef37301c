-- The events' columnar copy (store/event_copy.rs): what the engine loads instead of the
-- event rows one by one. Part 0 is its header, naming the data revision it was made from
-- and every other part's checksum; the parts hold runs of customers' events in columns.
-- It is written in the same transaction as the rows it copies; when it is missing, stale
-- or damaged it is made again from the rows, which stay the truth.
CREATE TABLE event_copy (
    part INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

-- One row: the revision of the events, one more with every transaction that changes them.
CREATE TABLE data_revision (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    revision INTEGER NOT NULL
);
INSERT INTO data_revision (only, revision) VALUES (1, 0);
