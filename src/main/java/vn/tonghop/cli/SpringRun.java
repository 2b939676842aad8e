package vn.tonghop.cli;

import java.util.Map;
import java.util.function.ToIntFunction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import vn.tonghop.TonghopApplication;

/** Starts the application for one command and closes it afterwards. */
final class SpringRun {

	private SpringRun() {
	}

	/**
	 * Runs a one-shot command: no web server, no scheduler.
	 * @param args properties as {@code --name=value}, ahead of every configuration file
	 * @return the command's exit code, or 1 when the application could not start
	 */
	static int once(ToIntFunction<ConfigurableApplicationContext> command, String... args) {
		SpringApplication application = new SpringApplication(TonghopApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.quartz.auto-startup", "false"));
		try (ConfigurableApplicationContext context = application.run(args)) {
			return command.applyAsInt(context);
		}
	}

	/** Starts the long-running service: HTTP server and scheduler. */
	static ConfigurableApplicationContext serve() {
		SpringApplication application = new SpringApplication(TonghopApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return application.run();
	}

}
