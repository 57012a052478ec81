package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the database holds of a student: the link from a piece to its student, the original text with the names and
 * the student's file are sealed with the data key; the application reads them back as they were. Looked at in the
 * PostgreSQL pass, where the test can read the tables beside the running server.
 */
@ExtendWith(CalibrateServer.class)
class DataAtRestIT {
    @Test
    @DisplayName("identity links, originals and files are stored encrypted, and read back as written")
    void identitiesAndFilesAreSealed() throws Exception {
        CalibrateServer.Running server = CalibrateServer.get();
        Assumptions.assumeTrue(server.database().equals("postgresql"), "the tables are read beside the server on PostgreSQL only");
        RoundFixture f = new RoundFixture(server.url());
        String head = f.token(RoundFixture.HEAD);
        String round = f.createRound("Data at rest", f.shippedRubric("ny-short-response-2-point"));
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head).expect(200).json().getJsonArray("learners").getJsonObject(0);
        String userId = learner.getString("user_id");
        byte[] file = ("An essay by " + learner.getString("name") + " about later school starts and sleep.").getBytes(StandardCharsets.UTF_8);
        String job = f.api.upload("/api/rounds/" + round + "/imports/upload?name=essay.txt&learner=" + userId, file, "text/plain", head)
                .expect(202).json().getString("id");
        assertEquals(1, IntakeIT.awaitImport(f.api, round, job, head).getJsonObject("job").getInt("added"));
        String code = f.api.get("/api/rounds/" + round + "/pieces", head).expect(200).json().getJsonArray("pieces").getJsonObject(0).getString("code");
        assertTrue(f.api.get("/api/rounds/" + round + "/pieces/" + code + "/review", head).expect(200).json().getString("original")
                .contains(learner.getString("name")), "the application reads the original back");

        try (Connection c = CalibrateServer.postgres()) {
            String subject = one(c, "select i.learner_subject from piece_identity i join piece p on p.id = i.piece_id where p.round_id = ?", round);
            assertTrue(subject.startsWith("enc1:") && !subject.contains(userId), "the identity link is sealed: " + subject);
            String original = one(c, "select v.original_text from piece_review v join piece p on p.id = v.piece_id where p.round_id = ?", round);
            assertTrue(original.startsWith("enc1:") && !original.contains(learner.getString("name")), "the original is sealed");
            try (PreparedStatement st = c.prepareStatement("select b.content from stored_blob b join piece_file f on f.blob_id = b.id"
                    + " join piece p on p.id = f.piece_id where p.round_id = ?")) {
                st.setString(1, round);
                try (ResultSet rs = st.executeQuery()) {
                    assertTrue(rs.next());
                    byte[] stored = rs.getBytes(1);
                    assertTrue(stored[0] == 'C' && stored[1] == 'A' && stored[2] == 'L' && stored[3] == 2, "the file is sealed, its key named");
                    assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("later school starts"));
                    assertFalse(Arrays.equals(file, stored));
                }
            }
        }
    }

    private static String one(Connection c, String sql, String round) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, round);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }
}
