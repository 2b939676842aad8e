package vn.tonghop.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTests {

	@Test
	void givenW2AndItsFloorTimedThreeTimesWhenSummedUpThenEachIsItsMedianRunAndTheRatioThatOfTheMedians() {
		// given runs in the order they were timed, the medians neither first nor last
		List<Measurement> measurements = List.of(run("W1", 20.0), run("W2", 9.0), run("floor", 6.0), run("W2", 12.0),
				run("floor", 8.0), run("W2", 10.0), run("floor", 5.0), run("baseline", 50.0), run("W3", 15.0),
				run("Q", 0.04));

		// when
		String summary = Bench.summary(measurements);

		// then
		assertThat(Bench.find(measurements, "W2")).hasValueSatisfying(w2 -> assertThat(w2.seconds()).isEqualTo(10.0));
		assertThat(summary).isEqualTo("bench: W1=20.00s W2=10.00s W2/floor=1.67 baseline/W2=5.00 W3=15.00s Q=40ms");
	}

	@Test
	void givenAWorkloadThatDidNotRunWhenSummedUpThenItShowsAsADash() {
		assertThat(Bench.summary(List.of(run("Q", 0.05))))
			.isEqualTo("bench: W1=- W2=- W2/floor=- baseline/W2=- W3=- Q=50ms");
	}

	private static Measurement run(String workload, double seconds) {
		return new Measurement(workload, workload, Duration.ofMillis(Math.round(seconds * 1000)), null, 1, 1, 0);
	}

}
