package org.calibrate.intake.exports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unpacking an uploaded ZIP under its limits: hostile names, bombs, damage, and what is skipped. */
class ZipEntriesTest {
    private static final long MIB = 1024 * 1024;
    private static final ZipLimits DEFAULTS = ZipLimits.defaults();

    private static ZipEntries.Contents read(byte[] zip) throws ExportZipRefused {
        return read(zip, DEFAULTS);
    }

    private static ZipEntries.Contents read(byte[] zip, ZipLimits limits) throws ExportZipRefused {
        try {
            UploadBytes.Upload upload = UploadBytes.read(new ByteArrayInputStream(zip), limits.maxZipBytes());
            return ZipEntries.read(upload.bytes(), upload.length(), limits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ExportZipRefused refused(byte[] zip, ZipLimits limits, ExportZipRefused.Reason reason) {
        ExportZipRefused refused = assertThrows(ExportZipRefused.class, () -> read(zip, limits));
        assertEquals(reason, refused.reason(), refused::getMessage);
        return refused;
    }

    private static List<String> paths(ZipEntries.Contents contents) {
        return contents.files().stream().map(ZipEntries.Entry::path).toList();
    }

    private static ZipLimits limits(int maxEntries, long maxFile, long maxTotal, long maxZip) {
        return new ZipLimits(maxEntries, maxFile, maxTotal, DEFAULTS.maxRatio(), DEFAULTS.maxNameLength(), maxZip);
    }

    @Test
    void filesAreReadWithTheirContent() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().file("a.txt", "first").file("dir/b.txt", "second").bytes());
        assertEquals(List.of("a.txt", "dir/b.txt"), paths(contents));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), contents.files().get(1).content());
        assertEquals(List.of(), contents.problems());
    }

    @Test
    void foldersAndSystemFilesArePassedOverSilently() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip()
                .folder("work")
                .file("work/essay.txt", "essay")
                .file("__MACOSX/work/._essay.txt", "resource fork")
                .file("work/.DS_Store", "finder")
                .file("work/Thumbs.db", "thumbs")
                .file("DESKTOP.INI", "explorer")
                .file("work/._essay.txt", "apple double")
                .bytes());
        assertEquals(List.of("work/essay.txt"), paths(contents));
        assertEquals(List.of(), contents.problems());
    }

    @Test
    void zeroByteFilesAreKeptForTheFormatCheckToJudge() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().file("empty.docx", new byte[0]).bytes());
        assertEquals(List.of("empty.docx"), paths(contents));
        assertEquals(0, contents.files().get(0).content().length);
    }

    @Test
    void aZipInsideTheZipIsAFileNotOpened() throws Exception {
        byte[] inner = Zips.zip().file("inside.txt", "inner").bytes();
        ZipEntries.Contents contents = read(Zips.zip().file("project.zip", inner).bytes());
        assertEquals(List.of("project.zip"), paths(contents));
        assertArrayEquals(inner, contents.files().get(0).content());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/abs", "C:\\x", "c:/windows/x", "a/../../b", "..\\..\\evil.txt", "a/../b",
            "bad\u0000name.txt", "tab\tname.txt"})
    void hostileNamesAreRefusedByNameAndTheRestIsRead(String hostile) throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().file(hostile, "x").file("fine.txt", "fine").bytes());
        assertEquals(List.of("fine.txt"), paths(contents));
        assertEquals(1, contents.problems().size(), contents.problems()::toString);
        Problem problem = contents.problems().get(0);
        assertEquals(EntryNames.shown(hostile), problem.entry());
        assertTrue(problem.reason().startsWith("Left out:"), problem.reason());
    }

    @Test
    void harmlessOddNamesAreNormalised() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().file("./a//b.txt", "x").file("win\\style.txt", "y").bytes());
        assertEquals(List.of("a/b.txt", "win/style.txt"), paths(contents));
    }

    @Test
    void aNameTooLongIsRefused() throws Exception {
        String longName = "x".repeat(256) + ".txt";
        ZipEntries.Contents contents = read(Zips.zip().file(longName, "x").file("ok.txt", "ok").bytes());
        assertEquals(List.of("ok.txt"), paths(contents));
        Problem problem = contents.problems().get(0);
        assertTrue(problem.reason().contains("255"), problem.reason());
        assertTrue(problem.entry().length() < 200, "a problem shows a long name cut short");
    }

    @Test
    void twoEntriesUnderOneNameKeepTheFirstAndSaySo() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().file("a.txt", "first").file("./a.txt", "second").bytes());
        assertEquals(List.of("a.txt"), paths(contents));
        assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), contents.files().get(0).content());
        assertTrue(contents.problems().get(0).reason().contains("same name"));
    }

    @Test
    void aZipBombEntryIsLeftOutAndTheRestIsRead() throws Exception {
        byte[] zip = Zips.zip().file("before.txt", "before").zeros("bomb.docx", 50 * MIB).file("after.txt", "after").bytes();
        assertTrue(zip.length < 200 * 1024, "the bomb stays small packed: " + zip.length);
        ZipEntries.Contents contents = read(zip);
        assertEquals(List.of("before.txt", "after.txt"), paths(contents));
        assertEquals(1, contents.problems().size());
        assertEquals("bomb.docx", contents.problems().get(0).entry());
        assertTrue(contents.problems().get(0).reason().contains("ZIP bomb"), contents.problems().get(0).reason());
    }

    @Test
    void aFileOverThePerFileLimitIsLeftOut() throws Exception {
        ZipLimits small = limits(100, 1024, DEFAULTS.maxTotalBytes(), DEFAULTS.maxZipBytes());
        ZipEntries.Contents contents = read(Zips.zip().file("big.bin", Zips.noise(4096, 1)).file("small.txt", "ok").bytes(), small);
        assertEquals(List.of("small.txt"), paths(contents));
        assertEquals("big.bin", contents.problems().get(0).entry());
        assertTrue(contents.problems().get(0).reason().contains("1 KiB"), contents.problems().get(0).reason());
    }

    @Test
    void crossingTheTotalStopsTheWholeRead() {
        ZipLimits eightMib = limits(100, DEFAULTS.maxFileBytes(), 8 * MIB, DEFAULTS.maxZipBytes());
        byte[] zip = Zips.zip().file("a.txt", "a").zeros("bomb.bin", 50 * MIB).bytes();
        ExportZipRefused refused = refused(zip, eightMib, ExportZipRefused.Reason.TOO_MUCH_CONTENT);
        assertTrue(refused.getMessage().contains("8 MiB"), refused.getMessage());
    }

    @Test
    void filesLeftOutStillCountTowardsTheTotal() {
        // Each file is refused (too large), yet unpacking them is work the total must bound.
        ZipLimits limits = limits(100, 1024, 3 * 4096, DEFAULTS.maxZipBytes());
        Zips zips = Zips.zip();
        for (int i = 0; i < 4; i++) {
            zips.file("f" + i + ".bin", Zips.noise(4096, i));
        }
        refused(zips.bytes(), limits, ExportZipRefused.Reason.TOO_MUCH_CONTENT);
    }

    @Test
    void tooManyEntriesAreRefusedFolderAndSystemFilesIncluded() {
        Zips zips = Zips.zip().folder("a").file(".DS_Store", "x");
        for (int i = 0; i < 9; i++) {
            zips.file("a/" + i + ".txt", "x");
        }
        ExportZipRefused refused = refused(zips.bytes(), limits(10, DEFAULTS.maxFileBytes(), DEFAULTS.maxTotalBytes(),
                DEFAULTS.maxZipBytes()), ExportZipRefused.Reason.TOO_MANY_FILES);
        assertTrue(refused.getMessage().contains("more than 10"), refused.getMessage());
    }

    @Test
    void exactlyTheEntryLimitIsRead() throws Exception {
        Zips zips = Zips.zip();
        for (int i = 0; i < 10; i++) {
            zips.file(i + ".txt", "x");
        }
        ZipLimits ten = limits(10, DEFAULTS.maxFileBytes(), DEFAULTS.maxTotalBytes(), DEFAULTS.maxZipBytes());
        assertEquals(10, read(zips.bytes(), ten).files().size());
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedBeforeReading() {
        byte[] zip = Zips.zip().file("a.bin", Zips.noise(8192, 3)).bytes();
        refused(zip, limits(100, DEFAULTS.maxFileBytes(), DEFAULTS.maxTotalBytes(), 4096), ExportZipRefused.Reason.TOO_LARGE);
    }

    @Test
    void anUploadOfExactlyTheSizeLimitIsRead() throws Exception {
        byte[] zip = Zips.zip().file("a.bin", Zips.noise(100_000, 3)).bytes();
        ZipLimits exact = limits(100, DEFAULTS.maxFileBytes(), DEFAULTS.maxTotalBytes(), zip.length);
        assertEquals(1, read(zip, exact).files().size());
    }

    @Test
    void bytesThatAreNotAZipAreRefusedPlainly() {
        ExportZipRefused refused = refused("this is a letter, not an archive".getBytes(StandardCharsets.UTF_8), DEFAULTS,
                ExportZipRefused.Reason.NOT_A_ZIP);
        assertTrue(refused.getMessage().contains("not a ZIP"), refused.getMessage());
        refused(new byte[0], DEFAULTS, ExportZipRefused.Reason.NOT_A_ZIP);
    }

    @Test
    void otherArchivesAreNamed() {
        byte[] rar = {'R', 'a', 'r', '!', 0x1A, 7, 0, 0};
        ExportZipRefused refused = refused(rar, DEFAULTS, ExportZipRefused.Reason.NOT_A_ZIP);
        assertTrue(refused.getMessage().contains("RAR archive"), refused.getMessage());
    }

    @Test
    void aTruncatedZipIsRefusedAsIncomplete() {
        byte[] zip = Zips.zip().file("a.bin", Zips.noise(50_000, 4)).file("b.bin", Zips.noise(50_000, 5)).bytes();
        for (int length : new int[] {zip.length / 2, zip.length - 30, 60_000}) {
            ExportZipRefused refused = refused(Zips.cut(zip, length), DEFAULTS, ExportZipRefused.Reason.DAMAGED);
            assertTrue(refused.getMessage().contains("damaged or incomplete"), refused.getMessage());
        }
    }

    @Test
    void aZipMissingBytesInTheMiddleIsRefusedAsDamaged() {
        byte[] zip = Zips.zip().file("a.bin", Zips.noise(50_000, 6)).file("b.bin", Zips.noise(50_000, 7)).bytes();
        byte[] holed = new byte[zip.length - 20_000];
        System.arraycopy(zip, 0, holed, 0, 10_000);
        System.arraycopy(zip, 30_000, holed, 10_000, zip.length - 30_000); // the end record is still there
        refused(holed, DEFAULTS, ExportZipRefused.Reason.DAMAGED);
    }

    @Test
    void aSecondArchiveGluedOnIsNotReadAsIfItWereTheWhole() {
        byte[] first = Zips.zip().file("a.txt", "a").bytes();
        byte[] second = Zips.zip().file("b.txt", "b").file("c.txt", "c").bytes();
        byte[] glued = new byte[first.length + second.length];
        System.arraycopy(first, 0, glued, 0, first.length);
        System.arraycopy(second, 0, glued, first.length, second.length);
        ExportZipRefused refused = refused(glued, DEFAULTS, ExportZipRefused.Reason.DAMAGED);
        assertTrue(refused.getMessage().contains("table of contents"), refused.getMessage());
    }

    @Test
    void corruptDataIsRefusedAsDamaged() {
        byte[] zip = Zips.zip().file("a.txt", "a text that deflates into something we can break ".repeat(50)).bytes();
        for (int i = 40; i < 60; i++) {
            zip[i] ^= (byte) 0x5A; // inside the first entry's packed data
        }
        refused(zip, DEFAULTS, ExportZipRefused.Reason.DAMAGED);
    }

    @Test
    void aPasswordProtectedZipIsSaidToBeSo() {
        byte[] zip = Zips.zip().file("a.txt", "secret").bytes();
        zip[6] |= 1; // general purpose flag, bit 0: encrypted
        ExportZipRefused refused = refused(zip, DEFAULTS, ExportZipRefused.Reason.ENCRYPTED);
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    }

    @Test
    void anEmptyZipHoldsNothing() throws Exception {
        ZipEntries.Contents contents = read(Zips.zip().bytes());
        assertEquals(List.of(), contents.files());
        assertEquals(List.of(), contents.problems());
    }

    @Test
    void namesInTheOldDosCodePageAreReadWhenTheyAreNotUtf8() throws Exception {
        byte[] zip = Zips.zip().names(Charset.forName("IBM437")).file("Müller_Aufsatz.txt", "x").file("plain.txt", "y").bytes();
        assertEquals(List.of("Müller_Aufsatz.txt", "plain.txt"), paths(read(zip)));
    }

    @Test
    void utf8NamesAreReadAsUtf8() throws Exception {
        byte[] zip = Zips.zip().file("José Álvarez_7_assignsubmission_file_ensayo.docx", "x").bytes();
        assertEquals(List.of("José Álvarez_7_assignsubmission_file_ensayo.docx"), paths(read(zip)));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ZipLimits(0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ZipLimits(1, 1, 1, 1, 1, 3L * Integer.MAX_VALUE));
    }
}
