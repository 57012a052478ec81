package org.calibrate.stats.boundary;

import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calibrate.stats.ManyFacetRasch;
import org.calibrate.stats.Ratings;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.ScorerSignals;

import java.io.FilterOutputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats --in ratings.csv [--anchors anchors.csv] [--model rsm|pcm] [--bias-correction] [--out result.json]}:
 * reads a round's scores in long format (header {@code piece,scorer,criterion,score}, optionally a fifth
 * column {@code order}, one row per score, missing combinations simply absent) and writes every agreement
 * figure, the scorer-bias signals and the many-facet Rasch analysis as JSON. Anchors are the known levels of
 * calibration/exemplar pieces (header {@code piece,criterion,score}). Exit 0 on success, 2 on bad arguments or
 * bad input (with a message naming the file and line), 1 on I/O failure while writing.
 */
public final class StatsCommand {
    static final int MAX_ROWS = 5_000_000;
    static final int MAX_LINE = 1_000;
    static final int MAX_ID = 200;
    static final List<String> HEADER = List.of("piece", "scorer", "criterion", "score");
    static final List<String> ORDERED_HEADER = List.of("piece", "scorer", "criterion", "score", "order");
    static final List<String> ANCHOR_HEADER = List.of("piece", "criterion", "score");
    static final String USAGE = """
            usage: java -jar calibrate-tools.jar stats --in ratings.csv [--anchors anchors.csv] [--model rsm|pcm] [--bias-correction] [--out result.json]
              --in FILE          scores in long format, header piece,scorer,criterion,score ("-" reads standard input);
                                 an extra column order (a whole number: sequence or time) enables the drift signal
              --anchors FILE     known levels of anchor (calibration/exemplar) pieces, header piece,criterion,score
              --model rsm|pcm    Rasch rating scale model (one set of thresholds, default) or partial credit model (per criterion)
              --bias-correction  multiply piece measures by (L-1)/L, the JMLE bias correction (off by default)
              --out FILE         where to write the JSON report (default: standard output)""";

    private StatsCommand() {
    }

    private record Arguments(String in, String out, String anchors, ManyFacetRasch.Model model, boolean biasCorrection) {
    }

    /** A problem with the input the user can fix: reported as one line, exit 2. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (BadInput e) {
            err.println("stats: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        Ratings ratings;
        Map<String, Map<String, Integer>> anchors = ScorerSignals.NO_ANCHORS;
        String reading = arguments.in();
        try {
            try (Reader reader = open(arguments.in(), in)) {
                ratings = read(reader);
            }
            if (arguments.anchors() != null) {
                reading = arguments.anchors();
                try (Reader reader = open(arguments.anchors(), in)) {
                    anchors = readAnchors(reader);
                }
            }
        } catch (BadInput e) {
            err.println("stats: " + (reading.equals(arguments.in()) ? "" : reading + ": ") + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("stats: cannot read " + reading + ": no such file");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("stats: cannot read " + reading + ": " + e.getMessage());
            return 2;
        }
        ManyFacetRasch.Options options = new ManyFacetRasch.Options(arguments.model(), arguments.biasCorrection(),
                ManyFacetRasch.Options.of(arguments.model()).maxIterations(),
                ManyFacetRasch.Options.of(arguments.model()).convergence());
        RoundStatistics.Report report = RoundStatistics.compute(ratings, options, anchors);
        try {
            write(report, arguments.out(), out);
        } catch (IOException e) {
            err.println("stats: cannot write " + arguments.out() + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** null when help was asked for. */
    private static Arguments parse(String[] args) throws BadInput {
        String in = null;
        String out = null;
        String anchors = null;
        ManyFacetRasch.Model model = ManyFacetRasch.Model.RSM;
        boolean biasCorrection = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--in" -> in = value(args, ++i, "--in");
                case "--out" -> out = value(args, ++i, "--out");
                case "--anchors" -> anchors = value(args, ++i, "--anchors");
                case "--model" -> model = switch (value(args, ++i, "--model")) {
                    case "rsm" -> ManyFacetRasch.Model.RSM;
                    case "pcm" -> ManyFacetRasch.Model.PCM;
                    default -> throw new BadInput("--model takes rsm or pcm, not " + args[i]);
                };
                case "--bias-correction" -> biasCorrection = true;
                default -> throw new BadInput("unknown option " + args[i]);
            }
        }
        if (in == null) throw new BadInput("--in is required");
        if ("-".equals(in) && "-".equals(anchors)) throw new BadInput("--in and --anchors cannot both read standard input");
        return new Arguments(in, out, anchors, model, biasCorrection);
    }

    private static String value(String[] args, int i, String option) throws BadInput {
        if (i >= args.length || args[i].startsWith("--")) throw new BadInput(option + " needs a value");
        return args[i];
    }

    private static Reader open(String in, InputStream stdin) throws IOException {
        InputStream stream = "-".equals(in) ? stdin : Files.newInputStream(Path.of(in));
        return new BoundedLines(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    static Ratings read(Reader reader) throws BadInput, IOException {
        Ratings.Builder builder = Ratings.builder();
        try (CSVParser parser = parser(reader)) {
            List<String> header = header(parser);
            if (!header.equals(HEADER) && !header.equals(ORDERED_HEADER)) {
                throw new BadInput("the header must be " + String.join(",", HEADER) + " (optionally followed by ,order), found "
                        + String.join(",", header));
            }
            boolean ordered = header.size() == ORDERED_HEADER.size();
            long rows = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (++rows > MAX_ROWS) throw new BadInput("more than " + MAX_ROWS + " rows; split the round");
                if (record.size() != header.size()) {
                    throw new BadInput("line " + line + ": expected " + header.size() + " fields, found " + record.size());
                }
                String piece = id(record.get(0), "piece", line);
                String scorer = id(record.get(1), "scorer", line);
                String criterion = id(record.get(2), "criterion", line);
                int score = level(record.get(3), line);
                if (ordered) builder.add(piece, scorer, criterion, score, order(record.get(4), line));
                else builder.add(piece, scorer, criterion, score);
            }
            if (rows == 0) throw new BadInput("the file has a header but no scores");
        } catch (UncheckedIOException e) {
            // commons-csv passes reading problems, our line bound among them, on this way.
            throw new BadInput(e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // ...and malformed quoting or a repeated header name this way.
            throw new BadInput(e.getMessage());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** Anchor levels: one row per anchor piece and criterion; a second level for the same pair is an error. */
    static Map<String, Map<String, Integer>> readAnchors(Reader reader) throws BadInput, IOException {
        Map<String, Map<String, Integer>> anchors = new HashMap<>();
        try (CSVParser parser = parser(reader)) {
            List<String> header = header(parser);
            if (!header.equals(ANCHOR_HEADER)) {
                throw new BadInput("the header must be " + String.join(",", ANCHOR_HEADER) + ", found " + String.join(",", header));
            }
            long rows = 0;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (++rows > MAX_ROWS) throw new BadInput("more than " + MAX_ROWS + " rows");
                if (record.size() != ANCHOR_HEADER.size()) {
                    throw new BadInput("line " + line + ": expected 3 fields, found " + record.size());
                }
                String piece = id(record.get(0), "piece", line);
                String criterion = id(record.get(1), "criterion", line);
                int score = level(record.get(2), line);
                if (anchors.computeIfAbsent(piece, p -> new HashMap<>()).putIfAbsent(criterion, score) != null) {
                    throw new BadInput("line " + line + ": piece " + piece + " has a second anchor level on " + criterion
                            + "; keep the agreed one");
                }
            }
        } catch (UncheckedIOException e) {
            throw new BadInput(e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInput(e.getMessage());
        }
        return anchors;
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(reader);
    }

    private static List<String> header(CSVParser parser) {
        return parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").toLowerCase()).toList();
    }

    private static int level(String value, long line) throws BadInput {
        int score;
        try {
            score = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadInput("line " + line + ": score '" + abbreviate(value) + "' is not a whole number");
        }
        if (Math.abs(score) > 1000) throw new BadInput("line " + line + ": score " + score + " is not a rubric level");
        return score;
    }

    private static long order(String value, long line) throws BadInput {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInput("line " + line + ": order '" + abbreviate(value) + "' is not a whole number"
                    + " (a sequence number or a time in milliseconds)");
        }
    }

    private static String id(String value, String what, long line) throws BadInput {
        if (value.isEmpty()) throw new BadInput("line " + line + ": empty " + what);
        if (value.length() > MAX_ID) throw new BadInput("line " + line + ": " + what + " longer than " + MAX_ID + " characters");
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static void write(RoundStatistics.Report report, String out, PrintStream stdout) throws IOException {
        Map<String, Object> config = Map.of(JsonGenerator.PRETTY_PRINTING, true);
        // Closing the writer closes its stream; standard output must stay open for the caller.
        OutputStream stream = out == null ? new FilterOutputStream(stdout) {
            @Override
            public void close() {
                stdout.flush();
            }
        } : Files.newOutputStream(Path.of(out));
        try (JsonWriter writer = Json.createWriterFactory(config).createWriter(stream, StandardCharsets.UTF_8)) {
            writer.write(ReportJson.of(report));
        }
    }

    /** Refuses a line longer than {@link #MAX_LINE} characters before the CSV parser buffers it. */
    private static final class BoundedLines extends FilterReader {
        private int column;

        BoundedLines(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count((char) c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) count(buffer[offset + i]);
            return n;
        }

        private void count(char c) {
            column = c == '\n' ? 0 : column + 1;
            if (column > MAX_LINE) throw new UncheckedIOException(new IOException("a line is longer than " + MAX_LINE + " characters"));
        }
    }
}
