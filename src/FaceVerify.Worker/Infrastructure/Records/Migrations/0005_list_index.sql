-- Administrators list the newest verifications, optionally one candidate's (GET /v1/verifications).
CREATE INDEX verifications_completed_at ON verifications (completed_at DESC);
CREATE INDEX verifications_candidate_id ON verifications (candidate_id, completed_at DESC);
