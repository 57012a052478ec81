package org.calibrate.intake.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.calibrate.intake.entity.Submission;
import org.calibrate.intake.entity.SubmittedFile;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One student's work handed in by a moderator: the files (kept as blobs when the upload was received)
 * and the student chosen from the roster, or none. A second upload for the same student replaces the first.
 */
final class UploadConnector implements Connector {
    private final JsonObject params;
    private final BlobStore blobs;

    UploadConnector(String params, BlobStore blobs) {
        this.params = Json.createReader(new StringReader(params)).readObject();
        this.blobs = blobs;
    }

    static String params(String key, Optional<String> learner, Optional<String> origin, List<BlobStore.Ref> files, List<String> names) {
        var list = Json.createArrayBuilder();
        StringBuilder fingerprint = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            list.add(Json.createObjectBuilder().add("blob", files.get(i).id()).add("name", names.get(i)).add("type", files.get(i).mediaType()));
            fingerprint.append(files.get(i).sha256(), 0, 16);
        }
        var b = Json.createObjectBuilder().add("key", key).add("files", list).add("fingerprint", fingerprint.toString());
        learner.ifPresent(l -> b.add("learner", l));
        origin.ifPresent(o -> b.add("origin", o));
        return b.build().toString();
    }

    @Override
    public List<Listed> list() {
        return List.of(new Listed(params.getString("key"), params.getString("fingerprint"), ""));
    }

    @Override
    public Submission fetch(Listed listed) throws SourceFailure {
        List<SubmittedFile> files = new ArrayList<>();
        for (JsonValue v : params.getJsonArray("files")) {
            JsonObject f = v.asJsonObject();
            byte[] content = blobs.content(f.getString("blob"))
                    .orElseThrow(() -> new SourceFailure("The uploaded file is no longer stored.", false));
            files.add(new SubmittedFile(f.getString("name"), Optional.of(f.getString("type")), content));
        }
        return new Submission(listed.sourceKey(), listed.fingerprint(), Optional.ofNullable(params.getString("learner", null)),
                Optional.ofNullable(params.getString("origin", null)), 1, Optional.empty(), Optional.empty(), files);
    }
}
