package org.calibrate.intake.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.exports.ExportResult;
import org.calibrate.intake.exports.ExportZip;
import org.calibrate.intake.exports.ExportZipRefused;
import org.calibrate.intake.exports.Problem;
import org.calibrate.intake.exports.ZipLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An LMS export ZIP as a source: the upload was kept as a blob, so a resumed import reads the same ZIP
 * again; its submissions are read once per run of the job and fetched from memory.
 */
final class ZipConnector implements Connector {
    private final String blobId;
    private final BlobStore blobs;
    private final ZipLimits limits;
    private final Supplier<List<Person>> roster;
    private Map<String, Submission> read;
    private List<Problem> problems = List.of();

    ZipConnector(String params, BlobStore blobs, ZipLimits limits, Supplier<List<Person>> roster) {
        JsonObject p = Json.createReader(new StringReader(params)).readObject();
        this.blobId = p.getString("blob");
        this.blobs = blobs;
        this.limits = limits;
        this.roster = roster;
    }

    static String params(BlobStore.Ref zip) {
        return Json.createObjectBuilder().add("blob", zip.id()).add("sha256", zip.sha256()).build().toString();
    }

    @Override
    public List<Listed> list() throws SourceFailure {
        return submissions().values().stream().map(s -> new Listed(s.sourceKey(), s.fingerprint(), "")).toList();
    }

    @Override
    public Submission fetch(Listed listed) throws SourceFailure {
        Submission s = submissions().get(listed.sourceKey());
        if (s == null) {
            throw new SourceFailure("This submission is no longer in the ZIP.", false);
        }
        return s;
    }

    /** What the reader left out or could not link, said without the files' names (they carry students' names). */
    @Override
    public List<String> notices() {
        return problems.stream().map(Problem::reason).distinct().toList();
    }

    private Map<String, Submission> submissions() throws SourceFailure {
        if (read == null) {
            byte[] zip = blobs.content(blobId).orElseThrow(() -> new SourceFailure("The uploaded ZIP is no longer stored; upload it again.", false));
            try {
                ExportResult result = ExportZip.read(new ByteArrayInputStream(zip), limits, roster.get());
                Map<String, Submission> byKey = new LinkedHashMap<>();
                result.submissions().forEach(s -> byKey.put(s.sourceKey(), s));
                problems = result.problems();
                read = byKey;
            } catch (ExportZipRefused e) {
                throw new SourceFailure(e.getMessage(), false);
            } catch (IOException e) {
                throw new SourceFailure("The uploaded ZIP could not be read: " + e.getMessage(), false);
            }
        }
        return read;
    }
}
