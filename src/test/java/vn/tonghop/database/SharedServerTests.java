package vn.tonghop.database;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedServerTests {

	@Test
	void theServerWaitsForTheApplicationsShutdownHookToEndBeforeStopping() throws Exception {
		// given the application's shutdown hook still closing the context (Quartz waiting for a run
		// that needs the database), started a moment after the server's own hook, as the JVM may
		AtomicBoolean closed = new AtomicBoolean();
		Thread application = new Thread(() -> {
			try {
				Thread.sleep(400);
				closed.set(true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "SpringApplicationShutdownHook");
		Thread starter = new Thread(() -> {
			try {
				Thread.sleep(50);
				application.start();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		starter.start();

		// when the server's hook gets ready to stop it
		SharedServer.awaitApplicationShutdown();

		// then the application had closed first
		assertThat(closed).isTrue();
	}

	@Test
	void withoutAnApplicationHookTheServerStopsAtOnce() {
		long start = System.nanoTime();

		SharedServer.awaitApplicationShutdown();

		assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
	}

}
