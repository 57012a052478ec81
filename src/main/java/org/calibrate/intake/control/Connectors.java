package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.calibrate.demo.control.DemoPlatform;
import org.calibrate.intake.entity.ImportJob;
import org.calibrate.intake.entity.ImportKind;
import org.calibrate.intake.exports.ZipLimits;
import org.calibrate.intake.moodle.MoodleSubmissions;
import org.calibrate.rounds.control.Pieces;
import org.calibrate.rounds.entity.Piece;
import org.calibrate.rounds.entity.Round;
import org.calibrate.runtime.Settings;

import java.io.StringReader;

/** The connector behind each kind of import, built from the job's parameters. */
@ApplicationScoped
public class Connectors {
    @Inject
    Settings settings;
    @Inject
    DemoPlatform demo;
    @Inject
    BlobStore blobs;
    @Inject
    IntakePolicy policy;
    @Inject
    MoodleConnections moodle;
    @Inject
    Pieces pieces;
    @Inject
    AssetImports assets;
    @Inject
    AssetDownloads downloads;
    @PersistenceContext(unitName = "calibrate")
    EntityManager em;

    public Connector forJob(ImportJob job) throws SourceFailure {
        Round round = em.find(Round.class, job.roundId());
        return switch (job.kind()) {
            case DEMO -> {
                if (!settings.demoEnabled() || demo.course() == null) {
                    throw new SourceFailure("The demo LMS is switched off on this server.", false);
                }
                yield new DemoConnector(demo.course());
            }
            case UPLOAD -> new UploadConnector(job.params(), blobs);
            case EXPORT_ZIP -> {
                var d = ZipLimits.defaults();
                yield new ZipConnector(job.params(), blobs, new ZipLimits(d.maxEntries(), policy.maxFileBytes(), d.maxTotalBytes(), d.maxRatio(),
                        d.maxNameLength(), policy.maxImportBytes()), () -> pieces.knownPeople(round.courseId()));
            }
            case MOODLE -> {
                JsonObject p = Json.createReader(new StringReader(job.params())).readObject();
                yield new MoodleSubmissions(moodle.client(round.platformId()), p.getJsonNumber("course").longValue(),
                        p.getJsonNumber("assignment").longValue(), p.getBoolean("drafts", false));
            }
            case ASSET -> {
                JsonObject p = Json.createReader(new StringReader(job.params())).readObject();
                yield new AssetConnector(assets.latest(round, p.getString("activity")), assets::find, downloads::fetch, policy.maxFileBytes());
            }
        };
    }

    public static Piece.Source source(ImportKind kind) {
        return switch (kind) {
            case DEMO -> Piece.Source.DEMO;
            case UPLOAD -> Piece.Source.UPLOAD;
            case EXPORT_ZIP -> Piece.Source.EXPORT_ZIP;
            case MOODLE -> Piece.Source.MOODLE;
            case ASSET -> Piece.Source.ASSET;
        };
    }
}
