-- What the administrator report draws (boxes, landmarks, pose, per-face readings) of the latest and the previous
-- result, so a report is rendered from the record and never runs a model.
ALTER TABLE verifications ADD COLUMN faces_json json NULL;
ALTER TABLE verifications ADD COLUMN previous_faces_json json NULL;
