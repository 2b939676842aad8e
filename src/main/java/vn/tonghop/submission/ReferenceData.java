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

	/** Bumped by every statement that writes the units or the conferences (V14). */
	private static final String VERSION = "SELECT version FROM tonghop.reference_version";

	private final JdbcTemplate jdbc;

	private Snapshot snapshot;

	ReferenceData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	synchronized Snapshot current() {
		long version = this.jdbc.queryForObject(VERSION, Long.class);
		if (this.snapshot == null || this.snapshot.version() != version) {
			this.snapshot = new Snapshot(version, UnitDirectory.load(this.jdbc), ConferenceDirectory.load(this.jdbc));
		}
		return this.snapshot;
	}

	record Snapshot(long version, UnitDirectory units, ConferenceDirectory conferences) {
	}

}
