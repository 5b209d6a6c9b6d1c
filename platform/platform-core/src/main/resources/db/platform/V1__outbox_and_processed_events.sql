-- Written in the same transaction as the change it announces; the relay publishes it and deletes it.
CREATE TABLE outbox_message (
    id             BIGSERIAL PRIMARY KEY,
    topic          TEXT        NOT NULL,
    message_key    TEXT        NOT NULL,
    event_id       TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    correlation_id TEXT,
    payload        BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per event a consumer has applied, inserted in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
