package org.calibrate.anonymise.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.anonymise.control.Anonymiser;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Redaction;
import org.calibrate.anonymise.entity.Span;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code anonymise --roster roster.json [--context context.json] < in.jsonl > out.jsonl}: the
 * server's anonymiser as a batch command. Each input line {"id", "text", "author_user_id"?} becomes
 * {"id", "text", "spans"}; a bad line is reported on stderr with its number and the others go on.
 */
public final class AnonymiseCommand {
    public static final String USAGE = "usage: anonymise --roster roster.json [--context context.json] < in.jsonl > out.jsonl\n"
            + "  roster.json   the NRPS v2 membership container of the course, as the LMS returns it\n"
            + "  context.json  {\"course_title\", \"course_label\", \"schools\": [{\"name\", \"aliases\": [...]}], \"classes\": [...]}\n"
            + "  each input line: {\"id\": ..., \"text\": \"...\", \"author_user_id\": \"...\"} (author optional)";
    /** A line longer than this is not one piece of student work. */
    public static final int MAX_LINE_CHARS = 1_000_000;
    private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private AnonymiseCommand() {
    }

    /** @return 0 all lines done, 1 some lines failed (see stderr), 2 bad arguments or files */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Optional<Path> roster = Optional.empty();
        Optional<Path> context = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--roster" -> roster = hasValue ? Optional.of(Path.of(args[++i])) : Optional.empty();
                case "--context" -> context = hasValue ? Optional.of(Path.of(args[++i])) : Optional.empty();
                default -> {
                    err.println("anonymise: unknown argument '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (roster.isEmpty()) {
            err.println("anonymise: --roster is required\n" + USAGE);
            return 2;
        }
        Anonymiser anonymiser;
        try {
            KnownPeople people = new KnownPeople(RosterJson.people(readObject(roster.get())));
            CourseContext ctx = context.isPresent() ? ContextJson.context(readObject(context.get())) : CourseContext.none();
            anonymiser = new Anonymiser(people, ctx);
        } catch (IOException | IllegalArgumentException | JsonException e) {
            err.println("anonymise: " + e.getMessage());
            return 2;
        }
        return lines(anonymiser, in, out, err);
    }

    private static int lines(Anonymiser anonymiser, InputStream in, PrintStream out, PrintStream err) {
        boolean failed = false;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int number = 0;
            for (String line = boundedLine(reader); line != null; line = boundedLine(reader)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.println(one(anonymiser, line));
                } catch (IllegalArgumentException | JsonException | ClassCastException e) {
                    err.println("line " + number + ": " + e.getMessage());
                    failed = true;
                }
            }
        } catch (IOException e) {
            err.println("anonymise: reading the input failed: " + e.getMessage());
            return 1;
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static String one(Anonymiser anonymiser, String line) {
        if (line.length() > MAX_LINE_CHARS) {
            throw new IllegalArgumentException("the line is longer than " + MAX_LINE_CHARS + " characters; one line holds one piece of work");
        }
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(line))) {
            o = r.readObject();
        }
        JsonValue id = o.get("id");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING && id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException("\"id\" (a string or number) is required");
        }
        if (!(o.get("text") instanceof JsonString text)) {
            throw new IllegalArgumentException("\"text\" (a string) is required");
        }
        Optional<String> author = RosterJson.text(o, "author_user_id");
        Redaction r = anonymiser.anonymise(text.getString(), author);
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (Span s : r.spans()) {
            spans.add(Json.createObjectBuilder().add("start", s.start()).add("end", s.end()).add("label", s.label()).add("action", s.action().wire()));
        }
        return Json.createObjectBuilder().add("id", id).add("text", r.text()).add("spans", spans).build().toString();
    }

    /** A line, with a too-long one cut short so that it is reported rather than read whole into memory. */
    private static String boundedLine(BufferedReader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (b.length() <= MAX_LINE_CHARS) {
                b.append((char) c);
            }
        }
        if (c == -1 && b.isEmpty()) {
            return null;
        }
        return b.length() > 0 && b.charAt(b.length() - 1) == '\r' ? b.substring(0, b.length() - 1) : b.toString();
    }

    private static JsonObject readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot read " + file + ": no such file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
        }
        try (JsonReader r = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return r.readObject();
        } catch (JsonException e) {
            throw new IOException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }
}
