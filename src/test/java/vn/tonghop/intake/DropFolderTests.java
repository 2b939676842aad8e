package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DropFolderTests {

	@TempDir
	Path root;

	@Test
	void listsFilesRecursivelyWithoutHiddenFoldersOrTemporaryFiles() throws IOException {
		Path report = write("004/long-bien.xlsx");
		Path other = write("lang-son.xls");
		write("004/~$long-bien.xlsx");
		write(".git/config");
		write("download.crdownload");

		DropFolder.Listing listing = DropFolder.list(this.root);

		assertThat(listing.files()).containsExactly(report, other);
		assertThat(listing.vanished()).isEmpty();
	}

	@Test
	void theFilesWindowsExplorerLeavesInAFolderAreNotTaken() throws IOException {
		// given the thumbnail cache and folder settings Explorer writes beside a district's file
		Path report = write("004/long-bien.xlsx");
		write("004/Thumbs.db");
		write("004/desktop.ini");
		write("ehthumbs.db");

		// when
		DropFolder.Listing listing = DropFolder.list(this.root);

		// then
		assertThat(listing.files()).containsExactly(report);
	}

	@Test
	void aDropFolderThatIsALinkToAFolderListsTheFilesInIt(@TempDir Path share) throws IOException {
		// given the drop folder a link to the share where districts drop their files
		Path report = Files.createDirectories(share.resolve("004")).resolve("long-bien.xlsx");
		Files.writeString(report, "long-bien");
		Path link = Files.createSymbolicLink(this.root.resolve("input"), share);

		// when
		DropFolder.Listing listing = DropFolder.list(link);

		// then its files are listed, under the drop folder as it was named
		assertThat(listing.files()).containsExactly(link.resolve("004/long-bien.xlsx"));
	}

	@Test
	void aUnitFolderOrFileLinkedFromElsewhereIsListedAndALinkThatLeadsBackIsNot(@TempDir Path elsewhere)
			throws IOException {
		// given Long Biên's folder linked from its own share, a file linked from another folder, and a link
		// that leads back to the drop folder
		Files.writeString(Files.createDirectories(elsewhere.resolve("long-bien")).resolve("bao-cao.xlsx"), "bao-cao");
		Files.writeString(elsewhere.resolve("lang-son.xls"), "lang-son");
		Files.createSymbolicLink(this.root.resolve("004"), elsewhere.resolve("long-bien"));
		Files.createSymbolicLink(this.root.resolve("lang-son.xls"), elsewhere.resolve("lang-son.xls"));
		Files.createSymbolicLink(Files.createDirectories(this.root.resolve("380")).resolve("loop"), this.root);

		// when
		DropFolder.Listing listing = DropFolder.list(this.root);

		// then
		assertThat(listing.files()).containsExactly(this.root.resolve("004/bao-cao.xlsx"), this.root.resolve("lang-son.xls"));
		assertThat(listing.vanished()).isEmpty();
	}

	@Test
	void aFolderRemovedDuringTheWalkIsNotedAndTheWalkGoesOn() {
		DropFolder folder = new DropFolder(this.root);
		Path gone = this.root.resolve("004");

		// what walkFileTree reports when a folder disappears before, or while, it is listed
		FileVisitResult before = folder.visitFileFailed(gone, new NoSuchFileException(gone.toString()));
		FileVisitResult during = folder.postVisitDirectory(this.root.resolve("380"),
				new NoSuchFileException(this.root.resolve("380").toString()));

		assertThat(before).isEqualTo(FileVisitResult.CONTINUE);
		assertThat(during).isEqualTo(FileVisitResult.CONTINUE);
		assertThat(folder.listing().vanished()).containsExactly(gone, this.root.resolve("380"));
	}

	@Test
	void anUnreadableFolderIsSkippedButNotVanished() {
		DropFolder folder = new DropFolder(this.root);
		Path locked = this.root.resolve("locked");

		FileVisitResult result = folder.visitFileFailed(locked, new AccessDeniedException(locked.toString()));

		assertThat(result).isEqualTo(FileVisitResult.CONTINUE);
		assertThat(folder.listing().vanished()).isEmpty();
		assertThat(folder.listing().files()).isEmpty();
	}

	private Path write(String name) throws IOException {
		Path file = this.root.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, name);
	}

}
