package org.calibrate.anonymise.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets plain text on new PDF pages in Helvetica, one of the standard fonts every reader has, so nothing of
 * the student's fonts (which can carry names, and whose glyphs could be mapped to hide text) comes along.
 * Paragraphs wrap at the margins and run on to further pages of the same size.
 */
final class TextPages {
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final float SIZE = 11;
    private static final float LEADING = 14.5f;
    private static final float MARGIN = 56;

    private TextPages() {
    }

    /** Whether Helvetica (WinAnsi) has every character of the text; one it lacks would have to be left out. */
    static boolean encodable(String text) {
        try {
            FONT.encode(text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The text with each character Helvetica lacks shown as "?", for text that has no page to rasterise. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c == '\n' || encodable(Character.toString(c)) ? Character.toString(c) : "?"));
        return out.toString();
    }

    /** Adds the pages and returns how many; an empty text still gets one (blank) page, as the student's had. */
    static int write(PDDocument doc, String text, PDRectangle size) throws IOException {
        List<String> lines = lines(text, size.getWidth() - 2 * MARGIN);
        int perPage = Math.max(1, (int) ((size.getHeight() - 2 * MARGIN) / LEADING));
        int pages = 0;
        for (int from = 0; from < lines.size() || pages == 0; from += perPage) {
            PDPage page = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
            doc.addPage(page);
            pages++;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(FONT, SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, size.getHeight() - MARGIN - SIZE);
                for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
        }
        return pages;
    }

    private static List<String> lines(String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").replace('\t', ' ').split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                // A word wider than the line (a URL) is cut where it reaches the margin.
                while (width(word) > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String s) throws IOException {
        return FONT.getStringWidth(s) / 1000 * SIZE;
    }
}
