-- Issued liveness challenges (issue 14): single use across workers by one conditional UPDATE on used_by.
CREATE TABLE challenges (
    challenge_id text PRIMARY KEY,
    steps text NOT NULL,
    policy text NULL,
    issued_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL,
    used_by uuid NULL);
CREATE INDEX challenges_expires_at ON challenges (expires_at);
CREATE INDEX challenges_used_by ON challenges (used_by);
