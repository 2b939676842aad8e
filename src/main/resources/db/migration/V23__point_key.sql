-- Point names were matched with lower(): "Phường Gia Thụy" and "Phường Gia Thuỵ", the same point
-- with its tone mark on the other vowel, were two points to point-duplicate and, between two
-- versions of a file, one removed and one added. The submission format asks every match to ignore
-- tone-mark placement. The key: lower case, NFD, each tone mark (grave, acute, tilde, hook above,
-- dot below) moved past the letters after it up to the next space or tone mark. PointNames.key in
-- the application makes the same key.
CREATE FUNCTION tonghop.point_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(normalize(lower(name), NFD),
        U&'([\0300\0301\0303\0309\0323])([^\0300\0301\0303\0309\0323 ]+)', '\2\1', 'g');
