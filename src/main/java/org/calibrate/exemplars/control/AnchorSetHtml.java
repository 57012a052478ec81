package org.calibrate.exemplars.control;

import org.owasp.encoder.Encode;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An anchor set as one self-contained, printable document: the rubric, then the exemplars by criterion and score
 * point with their annotation and student text, each starting a new page in print. No script, no remote resource;
 * well-formed XHTML so that {@link AnchorSetPdf} renders the very same markup. Every text encoded (OWASP Encoder).
 */
public final class AnchorSetHtml {
    /** The family {@link AnchorSetPdf} registers its TrueType faces under; browsers fall through to their own fonts. */
    static final String FONT_FAMILY = "Calibrate Text";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    // Colours hold WCAG AA (4.5:1 and above) against their backgrounds. Lengths in em and the page-break-* and
    // word-wrap spellings: the PDF renderer knows those (not rem, break-*, overflow-wrap) and browsers still honour them.
    private static final String CSS = "body{font-family:\"" + FONT_FAMILY + "\",system-ui,\"Segoe UI\",Roboto,\"DejaVu Sans\",Arial,sans-serif;"
            + "font-size:11pt;line-height:1.45;color:#1b2330;background:#fff;max-width:50em;margin:2em auto;padding:0 1em}"
            + "h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.25em;margin:1.2em 0 .4em}h3{font-size:1.15em;margin:0 0 .2em}"
            + "h4{font-size:1em;margin:1em 0 .3em}.meta,.point{color:#3d4757}.point{font-weight:bold}"
            + ".how{border-left:4px solid #2f5d8a;background:#eef3f8;padding:.5em .8em}"
            + "table{border-collapse:collapse;width:100%;margin:.4em 0 1em}"
            + "th,td{border:1px solid #6b778a;padding:.35em .5em;text-align:left;vertical-align:top;word-wrap:break-word}"
            + "thead th{background:#e6ebf1}table.rubric{table-layout:fixed;font-size:.9em}th.criterion{width:20%}"
            + ".annotation{background:#f7f4e8;border-left:4px solid #7a5f00;padding:.1em .8em}"
            + ".text{border:1px solid #6b778a;padding:.1em .8em}.annotation p,.text p,.task p{margin:.5em 0}"
            + "@media screen{.anchor{border-top:2px solid #c5ccd6;margin-top:2em;padding-top:1em}}"
            + "@media print{body{max-width:none;margin:0;padding:0}.group,.group .anchor+.anchor{page-break-before:always}"
            + "h2,h3,h4{page-break-after:avoid}tr{page-break-inside:avoid}}"
            + "@page{margin:18mm 16mm}";

    private AnchorSetHtml() {
    }

    public static String write(AnchorSet set) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(text("Anchor set: " + set.title())).append("</title><style>").append(CSS).append("</style></head><body>");
        html.append("<h1>").append(text(set.title())).append("</h1><p class=\"meta\">Rubric: ").append(text(set.rubricTitle()))
                .append(" · exported <time datetime=\"").append(Encode.forHtmlAttribute(set.exportedAt().toString())).append("\">")
                .append(text(DATE.format(set.exportedAt()))).append("</time></p>");
        set.task().ifPresent(task -> html.append("<h2>Task</h2><div class=\"task\">").append(paragraphs(task)).append("</div>"));
        html.append("<p class=\"how\"><strong>How to read this:</strong> each exemplar is student work its scorers agreed on, kept to show "
                + "what one score point looks like on one criterion or on the whole piece. The rubric comes first; then the exemplars, "
                + "highest score point first, each with the reasons it earns its score.</p>");
        rubric(html, set);
        anchors(html, set);
        return html.append("</body></html>").toString();
    }

    private static void rubric(StringBuilder html, AnchorSet set) {
        html.append("<h2>Rubric: ").append(text(set.rubricTitle())).append("</h2>");
        if (set.criteria().isEmpty()) {
            html.append("<p>The rubric has no criteria.</p>");
            return;
        }
        TreeSet<Integer> points = new TreeSet<>(Comparator.reverseOrder());
        set.criteria().forEach(c -> points.addAll(c.descriptors().keySet()));
        html.append("<table class=\"rubric\"><thead><tr><th scope=\"col\" class=\"criterion\">Criterion</th>");
        points.forEach(p -> html.append("<th scope=\"col\">Score point ").append(p).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (AnchorSet.Criterion c : set.criteria()) {
            html.append("<tr><th scope=\"row\">").append(text(c.name())).append("</th>");
            points.forEach(p -> html.append("<td>").append(lines(c.descriptors().getOrDefault(p, ""))).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Whole-piece exemplars first, then the criteria in rubric order; within each, highest score point first. */
    private static void anchors(StringBuilder html, AnchorSet set) {
        List<Optional<AnchorSet.Criterion>> groups = new ArrayList<>();
        groups.add(Optional.empty());
        set.criteria().forEach(c -> groups.add(Optional.of(c)));
        for (Optional<AnchorSet.Criterion> group : groups) {
            List<AnchorSet.Anchor> anchors = set.anchors().stream()
                    .filter(a -> a.criterion().equals(group.map(AnchorSet.Criterion::key)))
                    .sorted(Comparator.comparingInt(AnchorSet.Anchor::level).reversed()).toList();
            if (anchors.isEmpty()) {
                continue;
            }
            String scope = group.map(AnchorSet.Criterion::name).orElse("the whole piece");
            html.append("<section class=\"group\"><h2>Exemplars for ").append(text(scope)).append("</h2>");
            anchors.forEach(a -> anchor(html, set, a, scope));
            html.append("</section>");
        }
    }

    private static void anchor(StringBuilder html, AnchorSet set, AnchorSet.Anchor a, String scope) {
        html.append("<article class=\"anchor\"><h3>").append(text(a.label())).append("</h3><p class=\"point\">Score point ")
                .append(a.level()).append(" on ").append(text(scope)).append("</p>");
        if (!set.criteria().isEmpty()) {
            html.append("<h4>Levels on every criterion</h4><table class=\"levels\"><thead><tr>");
            set.criteria().forEach(c -> html.append("<th scope=\"col\">").append(text(c.name())).append("</th>"));
            html.append("</tr></thead><tbody><tr>");
            set.criteria().forEach(c -> {
                Integer level = a.levels().get(c.key());
                html.append("<td>").append(level == null ? "—" : level.toString()).append("</td>");
            });
            html.append("</tr></tbody></table>");
        }
        html.append("<h4>Why this earns its score</h4><div class=\"annotation\">").append(paragraphs(a.annotation())).append("</div>")
                .append("<h4>The student’s text</h4><div class=\"text\">").append(paragraphs(a.text())).append("</div></article>");
    }

    /** Blank lines part paragraphs, single line breaks stay line breaks: student work keeps the shape it was written in. */
    static String paragraphs(String raw) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(lines(paragraph.strip())).append("</p>");
            }
        }
        return out.length() == 0 ? "<p>(empty)</p>" : out.toString();
    }

    private static String lines(String paragraph) {
        return String.join("<br/>", paragraph.lines().map(AnchorSetHtml::text).toList());
    }

    private static String text(String s) {
        return Encode.forHtmlContent(s);
    }
}
