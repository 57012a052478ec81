package org.calibrate.intake.formats;

import org.calibrate.intake.entity.SubmittedFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML (an LMS's online text, or an .html file) made safe to show a scorer and turned into plain text.
 * What is kept is the student's writing and its plain structure; everything that runs, loads or submits
 * something (scripts, handlers, styles, frames, forms, images and other remote resources) goes.
 */
final class HtmlText {
    /** Basic formatting, lists, headings, tables, quotes: no links (they lead out, and may name the student). */
    private static final Safelist SAFE = Safelist.none()
            .addTags("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup",
                    "small", "mark", "code", "pre", "kbd", "samp", "var", "q", "cite", "abbr", "dfn",
                    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "hr",
                    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
            .addAttributes("ol", "start", "reversed")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope");
    /**
     * Removed with everything inside: the cleaner alone would keep the text inside an element it drops, and the
     * text of a script, a frame's fallback or a form's buttons is not the student's writing.
     */
    private static final String REMOVED = "head, script, style, noscript, template, iframe, frame, frameset, object, embed,"
            + " applet, form, input, button, select, textarea, option, svg, math, canvas, audio, video, source, track, img,"
            + " picture, map, link, meta, base";
    private static final String MEDIA = "img, picture, svg, canvas, audio, video, object, embed, iframe";
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "dl", "dt", "dd", "blockquote", "pre", "hr", "table", "caption");
    private static final Pattern DOCUMENT = Pattern.compile("<!doctype html|<html[\\s>]");
    private static final Pattern ANY_TAG = Pattern.compile("</?(p|div|br|span|b|i|u|em|strong|h[1-6]|ul|ol|li|table|body)[\\s/>]");

    private HtmlText() {
    }

    /**
     * Content decides when it says so itself (a doctype or an html element). A fragment of tags is HTML only when
     * the name or declared type says HTML too: a plain text that quotes a tag stays a plain text.
     */
    static boolean looksLikeHtml(String text, SubmittedFile file) {
        String head = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(Locale.ROOT);
        if (DOCUMENT.matcher(head).find()) {
            return true;
        }
        String name = file.name().toLowerCase(Locale.ROOT);
        boolean named = name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")
                || file.declaredType().map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> t.startsWith("text/html")
                || t.startsWith("application/xhtml")).isPresent();
        return named && ANY_TAG.matcher(head).find();
    }

    static Extraction read(String html) {
        Document dirty = Jsoup.parse(html);
        int media = dirty.body().select(MEDIA).size();
        dirty.select(REMOVED).remove();
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        List<String> notes = new ArrayList<>();
        if (media > 0) {
            notes.add(media + (media == 1 ? " image or embedded item" : " images or embedded items")
                    + " left out of the text; the original shows them");
        }
        return new Extraction(Format.HTML, text(clean.body()), Optional.of(clean.body().html()), 1, false, notes);
    }

    /** Blocks (paragraphs, list items, headings) apart by a blank line, table rows by a line, cells by a tab. */
    private static String text(Element body) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    boolean pre = t.parent() instanceof Element e && e.closest("pre") != null;
                    out.append(pre ? t.getWholeText() : t.text());
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    } else if (tag.equals("br") || tag.equals("tr")) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append('\t');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append("\n\n");
                }
            }
        }, body);
        return out.toString();
    }
}
