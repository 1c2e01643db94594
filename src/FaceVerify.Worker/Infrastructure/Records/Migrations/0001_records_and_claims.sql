-- Records and claims shared by every worker. A claim row is written before any computing; the record once the
-- result is known. SaveAsync completes the claim in the same statement, so a claim can never be taken over after
-- its record exists.
CREATE TABLE verification_claims (
    verification_id uuid PRIMARY KEY,
    owner text NOT NULL,
    claimed_at timestamptz NOT NULL,
    lease_until timestamptz NOT NULL,
    -- 1, plus one per takeover of an expired lease (a holder that died mid-run).
    claims integer NOT NULL DEFAULT 1,
    completed_at timestamptz NULL
);

CREATE TABLE verifications (
    verification_id uuid PRIMARY KEY,
    candidate_id text NOT NULL,
    exam_id text NOT NULL,
    id_photo_sha256 text NOT NULL,
    snapshot_sha256 text NOT NULL,
    extra_frame_sha256s jsonb NOT NULL,
    requested_policy text NULL,
    requested_at timestamptz NOT NULL,
    policy text NOT NULL,
    model_set text NOT NULL,
    attempts integer NOT NULL,
    duplicates_answered integer NOT NULL DEFAULT 0,
    -- How many first-attempt results were saved: more than 1 means the verification was computed twice.
    first_computations integer NOT NULL DEFAULT 0,
    verdict text NOT NULL,
    timings_json jsonb NOT NULL,
    -- The published event as serialized (json, not jsonb: kept byte for byte, so a repeat equals the original).
    result_json json NOT NULL,
    completed_at timestamptz NOT NULL,
    previous_result_json json NULL
);

CREATE INDEX verifications_exam_id ON verifications (exam_id);
