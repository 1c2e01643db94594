-- The claim-check store for images that travel with a message: a publisher on any machine writes here, every
-- worker reads here, and nobody needs a shared folder.
CREATE TABLE message_data (
    id uuid PRIMARY KEY,
    data bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NULL
);

CREATE INDEX message_data_expires_at ON message_data (expires_at) WHERE expires_at IS NOT NULL;
