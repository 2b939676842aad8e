package vn.tonghop;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders the sessions of a race test: latches between threads, and a wait for a session to block. */
public final class Latches {

	private Latches() {
	}

	/** Waits for the latch inside a lambda that may not throw InterruptedException; fails after 30 s. */
	public static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Returns once some session of the server waits on a lock; fails after 30 s. */
	public static void awaitASessionWaitingOnALock(JdbcTemplate jdbc) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
				Integer.class) == 0) {
			assertThat(Instant.now()).as("a session waiting on a lock").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
