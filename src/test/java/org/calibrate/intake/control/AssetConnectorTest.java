package org.calibrate.intake.control;

import org.calibrate.intake.entity.Submission;
import org.calibrate.notices.control.NoticeBodies;
import org.calibrate.notices.entity.AssetNotice;
import org.calibrate.notices.entity.SubmissionNotice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An activity's submission notices as an import source: keys, fingerprints, checksums and limits. */
class AssetConnectorTest {
    private static final byte[] ESSAY = "Rivers carry trade.".getBytes(StandardCharsets.UTF_8);
    private final List<URI> fetched = new ArrayList<>();

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static AssetNotice notice(Optional<String> checksum, OptionalLong size) {
        SubmissionNotice s = new SubmissionNotice("course-2", Optional.empty(), "act-1", Optional.of("Essay"), Optional.of("sub-1"), Optional.of(2),
                Optional.empty(), "learner-7", "https://purl.imsglobal.org/spec/lti/scope/asset.readonly",
                List.of(new SubmissionNotice.Asset("as-1", URI.create("https://lms.example.org/assets/as-1"), Optional.of("Essay"),
                        Optional.of("Kim Lee essay.txt"), Optional.of("text/plain"), size, checksum)));
        return new AssetNotice(1, "n-1", "dep-1", "course-2", "act-1", Optional.of("Essay"), "k".repeat(48), NoticeBodies.write(s),
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:01Z"));
    }

    private AssetConnector connector(AssetNotice n, byte[] served) {
        return new AssetConnector(List.of(n), id -> id.equals(n.id()) ? Optional.of(n) : Optional.empty(), (platform, scope, url, max) -> {
            fetched.add(url);
            return served;
        }, 1024);
    }

    @Test
    @DisplayName("each student's notice is one listed submission, keyed without the student's id; its file fetched with the notice's scope")
    void listsAndFetches() throws Exception {
        AssetNotice n = notice(Optional.of(HexFormat.of().formatHex(sha256(ESSAY))), OptionalLong.of(ESSAY.length));
        AssetConnector c = connector(n, ESSAY);
        List<Connector.Listed> listed = c.list();
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).sourceKey().contains("learner-7"));
        Submission s = c.fetch(listed.get(0));
        assertEquals(Optional.of("learner-7"), s.learnerUserId());
        assertEquals(2, s.attempt());
        assertEquals(Optional.of(Instant.parse("2026-12-01T10:00:00Z")), s.submittedAt(), "the notice's time when the submission has none");
        assertEquals(List.of(URI.create("https://lms.example.org/assets/as-1")), fetched);
        assertEquals(Optional.of("text/plain"), s.files().get(0).declaredType());
    }

    @Test
    @DisplayName("a file that does not match the notice's checksum fails its submission, with the reason")
    void checksumMismatch() {
        AssetConnector c = connector(notice(Optional.of("00".repeat(32)), OptionalLong.empty()), ESSAY);
        SourceFailure f = assertThrows(SourceFailure.class, () -> c.fetch(c.list().get(0)));
        assertFalse(f.retryable());
        assertTrue(f.getMessage().contains("checksum"));
    }

    @Test
    @DisplayName("a file the notice says is over the limit is not downloaded at all")
    void declaredTooLarge() {
        AssetConnector c = connector(notice(Optional.empty(), OptionalLong.of(4096)), ESSAY);
        SourceFailure f = assertThrows(SourceFailure.class, () -> c.fetch(c.list().get(0)));
        assertFalse(f.retryable());
        assertTrue(fetched.isEmpty());
    }

    @Test
    @DisplayName("sha256_checksum in hex (either case) or base64 is understood")
    void checksumForms() throws Exception {
        byte[] d = sha256(ESSAY);
        for (String form : List.of(HexFormat.of().formatHex(d), HexFormat.of().formatHex(d).toUpperCase(), Base64.getEncoder().encodeToString(d),
                Base64.getUrlEncoder().withoutPadding().encodeToString(d))) {
            assertTrue(AssetConnector.matches(form, ESSAY), form);
        }
        assertFalse(AssetConnector.matches(Map.of().toString(), ESSAY));
    }

    @Test
    @DisplayName("a notice erased since the listing fails its item instead of stopping the import")
    void erasedNotice() {
        AssetNotice n = notice(Optional.empty(), OptionalLong.empty());
        AssetConnector c = new AssetConnector(List.of(n), id -> Optional.empty(), (p, s, u, m) -> ESSAY, 1024);
        assertFalse(assertThrows(SourceFailure.class, () -> c.fetch(c.list().get(0))).retryable());
    }
}
