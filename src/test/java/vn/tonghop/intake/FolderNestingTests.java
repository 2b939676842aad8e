package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FolderNestingTests {

	@TempDir
	Path dir;

	@Test
	void aSubfolderIsInsideItsParentAndNotTheOtherWayRound() {
		// given
		Path input = this.dir.resolve("input");
		Path unit = input.resolve("004");

		// when / then: neither needs to exist
		assertThat(FolderNesting.isInside(unit, input)).isTrue();
		assertThat(FolderNesting.isInside(input, unit)).isFalse();
	}

	@Test
	void aFolderIsNotInsideItselfHoweverItIsWritten() {
		// given
		Path input = this.dir.resolve("input");

		// when / then
		assertThat(FolderNesting.isInside(input.resolve("004/.."), input)).isFalse();
		assertThat(FolderNesting.isInside(input, input.resolve("."))).isFalse();
	}

	@Test
	void aNamePrefixIsNoNesting() {
		// when / then: input-old starts with the characters of input, not with its path
		assertThat(FolderNesting.isInside(this.dir.resolve("input-old"), this.dir.resolve("input"))).isFalse();
	}

	@Test
	void aLinkToASubfolderIsInsideWhereItLeads() throws IOException {
		// given a link beside the drop folder that leads into it
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Path unit = Files.createDirectories(input.resolve("004"));
		Path link = Files.createSymbolicLink(this.dir.resolve("long-bien"), unit);

		// when / then
		assertThat(FolderNesting.isInside(link, input)).isTrue();
		assertThat(FolderNesting.isInside(input, link)).isFalse();
	}

}
