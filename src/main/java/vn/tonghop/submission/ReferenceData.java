package vn.tonghop.submission;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.conference.ConferenceDirectory;
import vn.tonghop.units.UnitDirectory;

/**
 * The unit tree and conferences as of now, loaded once and reloaded only when an import has
 * changed them: thousands of files a day must not each reload ten thousand units.
 */
@Component
class ReferenceData {

	private static final String VERSION = "SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM tonghop.unit)"
			+ " || '|' || (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM tonghop.conference)";

	private final JdbcTemplate jdbc;

	private Snapshot snapshot;

	ReferenceData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	synchronized Snapshot current() {
		String version = this.jdbc.queryForObject(VERSION, String.class);
		if (this.snapshot == null || !this.snapshot.version().equals(version)) {
			this.snapshot = new Snapshot(version, UnitDirectory.load(this.jdbc), ConferenceDirectory.load(this.jdbc));
		}
		return this.snapshot;
	}

	record Snapshot(String version, UnitDirectory units, ConferenceDirectory conferences) {
	}

}
