package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins read the audit trail: filtered, newest first, a page at a time, and as CSV; teachers cannot. */
@ExtendWith(CalibrateServer.class)
class AuditTrailIT {
    @Test
    @DisplayName("an import's audit events found by action and subject, paged, as CSV; wildcards are plain text; teachers refused")
    void adminsBrowseTheAuditTrail() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String head = f.token(RoundFixture.HEAD);
        String admin = f.token(RoundFixture.ADMIN);
        String round = f.createRound("Audit trail", f.shippedRubric("ny-short-response-2-point"));
        String job = f.api.post("/api/rounds/" + round + "/imports/demo", "", head).expect(202).json().getString("id");
        IntakeIT.awaitImport(f.api, round, job, head);

        JsonObject page = f.api.get("/api/admin/audit?action=import.&subject=round:" + round, admin).expect(200).json();
        List<String> actions = page.getJsonArray("events").getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertEquals(List.of("import.done", "import.created"), actions, "newest first: " + page);
        JsonObject done = page.getJsonArray("events").getJsonObject(0);
        assertTrue(done.getString("detail").contains("12 added"), done.toString());

        JsonObject first = f.api.get("/api/admin/audit?subject=round:" + round, admin).expect(200).json();
        long newest = first.getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject older = f.api.get("/api/admin/audit?subject=round:" + round + "&before=" + newest, admin).expect(200).json();
        assertTrue(older.getJsonArray("events").getValuesAs(JsonObject.class).stream().allMatch(e -> e.getJsonNumber("id").longValue() < newest));

        assertEquals(0, f.api.get("/api/admin/audit?action=%25", admin).expect(200).json().getJsonArray("events").size(), "% is a character, not a wildcard");
        assertEquals(400, f.api.get("/api/admin/audit?from=yesterday", admin).status());
        String csv = f.api.get("/api/admin/audit/csv?action=import.&subject=round:" + round, admin).expect(200).body();
        assertTrue(csv.startsWith("id,at,actor,action,subject,detail"), csv);
        assertEquals(3, csv.strip().split("\r?\n").length, csv);
        assertEquals(403, f.api.get("/api/admin/audit", head).status());
    }
}
