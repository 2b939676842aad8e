package vn.tonghop;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.tonghop.cli.Cli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TonghopApplication {

	public static void main(String[] args) {
		System.exit(Cli.run(args));
	}

}
