package vn.tonghop.security;

/** What an account may do; see {@link SecurityConfiguration} for the rules. */
public enum Role {

	/** Reads everything: summaries, submissions, reports, the dashboard, the API documentation. */
	ANALYST,

	/** Everything an analyst does, plus the administration endpoints, uploads for any unit and metrics. */
	ADMIN,

	/** Bound to one unit: uploads for its subtree and reads only the submissions of its subtree. */
	DISTRICT

}
