-- The unit tree and the conferences. A code means something only with a date: the 2025 reform
-- reused codes for other units, so a unit row is (code, validity) and lookups are "as of" a date.
CREATE TABLE tonghop.unit (
    id          bigserial PRIMARY KEY,
    code        text NOT NULL,
    valid_from  date,                    -- null: valid since before any record we hold
    valid_to    date,                    -- null: still valid
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('province', 'district', 'grassroots', 'cell')),
    parent_code text,
    aliases     text[] NOT NULL DEFAULT '{}',
    source      text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
CREATE UNIQUE INDEX unit_code_valid_from ON tonghop.unit (code, coalesce(valid_from, '-infinity'::date));
CREATE INDEX unit_parent ON tonghop.unit (parent_code);

CREATE TABLE tonghop.conference (
    code       text PRIMARY KEY,
    title      text NOT NULL,
    start_date date NOT NULL,
    end_date   date NOT NULL,
    deadline   date NOT NULL,
    scope      text[],                   -- province codes; null means every province
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (start_date <= end_date)
);
