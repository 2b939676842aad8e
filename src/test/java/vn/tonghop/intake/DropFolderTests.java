package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.tonghop.intake.InputScanner.Skipped;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
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

		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

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
		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

		// then
		assertThat(listing.files()).containsExactly(report);
	}

	@Test
	void aFileStillUploadedUnderATransferToolsTemporaryNameIsNotTaken() throws IOException {
		// given an upload WinSCP writes as .filepart until it is whole, stalled on a district's slow line
		// longer than a file must be stable, and a download Internet Explorer left as .partial
		Path report = write("004/long-bien.xlsx");
		write("004/bao-cao.xlsx.filepart");
		write("380/thanh-hoa.csv.partial");

		// when
		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

		// then only the whole file is taken: the half one was rejected as damaged, or a half CSV loaded
		assertThat(listing.files()).containsExactly(report);
	}

	@Test
	void theRecycleBinsSnapshotsAndMetadataOfASharesServerAreNotTaken() throws IOException {
		// given a drop folder shared from a NAS: a district's file, the file it then deleted (kept in the
		// share's recycle bin), a snapshot of the share, the metadata Synology keeps beside each file, and
		// Windows' own folders on a drive used as the share
		Path report = write("004/long-bien.xlsx");
		write("#recycle/004/ban-nham.xlsx");
		write("#snapshot/GMT+07_2026-11-20-0000/004/long-bien.xlsx");
		write("004/@eaDir/long-bien.xlsx@SynoEAStream");
		write("@Recycle/380/thanh-hoa.xlsx");
		write("@Recently-Snapshot/GMT+07_2026-11-20_0000/004/long-bien.xlsx");
		write("$RECYCLE.BIN/S-1-5-21-1004/$RABC123.xlsx");
		write("System Volume Information/IndexerVolumeGuid");

		// when
		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

		// then only the district's file is taken: the others would come again as submissions of folders
		// named #recycle, #snapshot…, a deleted file loaded and a snapshot's old versions answered
		assertThat(listing.files()).containsExactly(report);
	}

	@Test
	void aDropFolderThatIsALinkToAFolderListsTheFilesInIt(@TempDir Path share) throws IOException {
		// given the drop folder a link to the share where districts drop their files
		Path report = Files.createDirectories(share.resolve("004")).resolve("long-bien.xlsx");
		Files.writeString(report, "long-bien");
		Path link = Files.createSymbolicLink(this.root.resolve("input"), share);

		// when
		DropFolder.Listing listing = DropFolder.list(link, List.of());

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
		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

		// then
		assertThat(listing.files()).containsExactly(this.root.resolve("004/bao-cao.xlsx"), this.root.resolve("lang-son.xls"));
		assertThat(listing.vanished()).isEmpty();
	}

	@Test
	void aLinkThatLeadsIntoTheArchiveOrAReportsFolderIsNotFollowed(@TempDir Path elsewhere, CapturedOutput output)
			throws IOException {
		// given the archive, the reports folder (tonghop.feedback.directory), a reports folder beside a linked
		// unit's share and an archived copy, each reached by a link in the drop folder, and a real submission
		Path report = write("004/long-bien.xlsx");
		Path archive = Files.createDirectories(elsewhere.resolve("archive/ab"));
		Files.writeString(archive.resolve("abcdef.xlsx"), "archived");
		Path reports = Files.createDirectories(elsewhere.resolve("phan-hoi/004"));
		Files.writeString(reports.resolve("long-bien.xlsx.report.xlsx"), "report");
		Path share = Files.createDirectories(elsewhere.resolve("share/380/reports"));
		Files.writeString(share.resolve("thanh-hoa.xlsx.report.xlsx"), "report");
		Files.createSymbolicLink(this.root.resolve("lam-lai"), elsewhere.resolve("archive"));
		Files.createSymbolicLink(Files.createDirectories(this.root.resolve("001")).resolve("cu"), archive);
		Files.createSymbolicLink(this.root.resolve("phan-hoi"), elsewhere.resolve("phan-hoi"));
		Files.createSymbolicLink(this.root.resolve("380"), share);
		Files.createSymbolicLink(this.root.resolve("chung"), elsewhere);
		Files.createSymbolicLink(this.root.resolve("004/ban-cu.xlsx"), archive.resolve("abcdef.xlsx"));

		// when
		DropFolder.Listing listing = DropFolder.list(this.root,
				List.of(elsewhere.resolve("archive"), elsewhere.resolve("phan-hoi")));

		// then only the submission is listed, and each skipped link is named
		assertThat(listing.files()).containsExactly(report);
		assertThat(output).contains("Skipping " + this.root.resolve("lam-lai"), "Skipping " + this.root.resolve("001/cu"),
				"Skipping " + this.root.resolve("phan-hoi"), "Skipping " + this.root.resolve("380"),
				"Skipping " + this.root.resolve("chung/archive"), "Skipping " + this.root.resolve("004/ban-cu.xlsx"));
	}

	@Test
	void aFolderRemovedDuringTheWalkIsNotedAndTheWalkGoesOn() {
		DropFolder folder = new DropFolder(this.root, List.of());
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
	void anUnreadableFolderIsSkippedWithItsReasonButNotVanished() {
		DropFolder folder = new DropFolder(this.root, List.of());
		Path locked = this.root.resolve("locked");

		FileVisitResult result = folder.visitFileFailed(locked, new AccessDeniedException(locked.toString()));

		// then it is named with why, for the summary: the files in it are not taken
		assertThat(result).isEqualTo(FileVisitResult.CONTINUE);
		assertThat(folder.listing().vanished()).isEmpty();
		assertThat(folder.listing().files()).isEmpty();
		assertThat(folder.listing().skipped())
			.containsExactly(new Skipped("locked", "AccessDeniedException: " + locked));
	}

	@Test
	void aDropFolderThatCannotBeListedIsSkippedUnderItsPath() {
		DropFolder folder = new DropFolder(this.root, List.of());

		// what walkFileTree reports when the drop folder itself cannot be opened (a share's permissions)
		folder.visitFileFailed(this.root, new AccessDeniedException(this.root.toString()));

		// then the summary names it, not an empty path
		assertThat(folder.listing().skipped())
			.containsExactly(new Skipped(this.root.toString(), "AccessDeniedException: " + this.root));
	}

	@Test
	void aLinkLeadingNowhereIsSkippedWithWhereItLeads() throws IOException {
		// given a unit's folder linked to a share not mounted, a file linked to one since removed, and the
		// lock emacs keeps (a link leading nowhere) beside a file being edited
		Path report = write("004/long-bien.xlsx");
		Files.createSymbolicLink(this.root.resolve("380"), this.root.resolve("../mnt/thanh-hoa"));
		Files.createSymbolicLink(this.root.resolve("004/bao-cao.xlsx"), Path.of("/nonexistent/bao-cao.xlsx"));
		Files.createSymbolicLink(this.root.resolve("004/.#long-bien.csv"), Path.of("root@may-chu.4021:1763860000"));

		// when
		DropFolder.Listing listing = DropFolder.list(this.root, List.of());

		// then the two are named with where they lead, not left out without a word; the lock is not
		assertThat(listing.files()).containsExactly(report);
		assertThat(listing.skipped()).containsExactlyInAnyOrder(
				new Skipped("380", "a link to " + this.root.resolve("../mnt/thanh-hoa") + ", which is not there"),
				new Skipped("004/bao-cao.xlsx", "a link to /nonexistent/bao-cao.xlsx, which is not there"));
	}

	private Path write(String name) throws IOException {
		Path file = this.root.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, name);
	}

}
