-- Accounts of the HTTP API and dashboard added with 'tonghop accounts add'; passwords are stored
-- only as hashes with their encoder's id ({bcrypt}...).
CREATE TABLE tonghop.account (
    name          text PRIMARY KEY,
    password_hash text NOT NULL CHECK (password_hash ~ '^\{[^}]+\}.+' AND password_hash NOT LIKE '{noop}%'),
    role          text NOT NULL CHECK (role IN ('ANALYST', 'ADMIN', 'DISTRICT')),
    unit_code     text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'DISTRICT') = (unit_code IS NOT NULL))
);
