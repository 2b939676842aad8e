-- Every load deletes and counts one unit's rows for a conference (conference_code,
-- reporting_unit_code). The index led by (conference_code, province_code) made each of those
-- statements walk the whole conference's entries: on a national day every file paid for all the
-- files before it. Analysts' filters by conference still lead this index; province totals come from
-- participation_province_total.
DROP INDEX warehouse.participation_conference;
CREATE INDEX participation_conference_unit ON warehouse.participation (conference_code, reporting_unit_code);
