package vn.tonghop.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Runs the schedules in jobs/, the HTTP API and the health endpoint until stopped.")
final class ServeCommand implements Callable<Integer> {

	@Override
	public Integer call() throws InterruptedException {
		ConfigurableApplicationContext context = SpringRun.serve();
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
		if (context.isActive()) {
			closed.await();
		}
		return 0;
	}

}
