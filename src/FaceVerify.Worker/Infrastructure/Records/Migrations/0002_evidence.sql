-- Re-run evidence in the database, so a re-run on any worker finds the images another worker kept.
CREATE TABLE verification_evidence (
    verification_id uuid PRIMARY KEY,
    id_photo bytea NOT NULL,
    snapshot bytea NOT NULL,
    extra_frames bytea[] NOT NULL,
    saved_at timestamptz NOT NULL
);

CREATE INDEX verification_evidence_saved_at ON verification_evidence (saved_at);
