package vn.tonghop.health;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import vn.tonghop.intake.IntakeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
class HealthTests {

	@Test
	void administratorsSeeEveryComponent(@Autowired MockMvc mvc) throws Exception {
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			// Tests, like one-shot commands, never start the scheduler.
			.andExpect(jsonPath("$.components.scheduler.status").value("UP"))
			.andExpect(jsonPath("$.components.scheduler.details.state").value("standby"))
			.andExpect(jsonPath("$.components.scheduler.details.clustered").value(true))
			.andExpect(jsonPath("$.components.inputFolder.status").value("UP"))
			.andExpect(jsonPath("$.components.inputFolder.details.writable").value(true))
			.andExpect(jsonPath("$.components.storage.status").value("UP"))
			.andExpect(jsonPath("$.components.storage.details.archive.free").isNumber())
			.andExpect(jsonPath("$.components.storage.details.data.free").isNumber())
			.andExpect(jsonPath("$.components.storage.details.threshold").value(DataSize.ofGigabytes(1).toBytes()));
	}

	@Test
	void aMissingInputFolderIsDown(@TempDir Path work) {
		InputFolderHealthIndicator health = new InputFolderHealthIndicator(intake(work.resolve("absent"), work));

		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(new InputFolderHealthIndicator(intake(work, work)).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void storageBelowTheThresholdIsDown(@TempDir Path work) {
		// given folders not created yet: their nearest existing parent's disk is measured
		IntakeProperties intake = intake(work, work.resolve("archive/2026"));

		assertThat(new StorageHealthIndicator(intake, new HealthProperties(DataSize.ofTerabytes(1_000_000), work))
			.health()
			.getStatus()).isEqualTo(Status.DOWN);
		assertThat(new StorageHealthIndicator(intake, new HealthProperties(DataSize.ofBytes(1), work.resolve("data")))
			.health()
			.getStatus()).isEqualTo(Status.UP);
	}

	private static IntakeProperties intake(Path input, Path archive) {
		return new IntakeProperties(input, archive, Duration.ZERO, 10);
	}

}
