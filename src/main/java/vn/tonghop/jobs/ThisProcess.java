package vn.tonghop.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host this process runs on, as recorded with each job execution it starts. */
final class ThisProcess {

	private ThisProcess() {
	}

	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// Without a resolvable name the environment's own is the best identity left.
			return System.getenv().getOrDefault("HOSTNAME", "unknown");
		}
	}

}
