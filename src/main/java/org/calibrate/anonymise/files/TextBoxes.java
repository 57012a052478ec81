package org.calibrate.anonymise.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where on a PDF page the hidden phrases of its text layer are drawn, in the pixels of the page rendered at a
 * given scale: a rasterised page gets boxes over them from the text layer itself, before and besides OCR,
 * which may misread what the text layer states exactly.
 */
final class TextBoxes extends PDFTextStripper {
    private final StringBuilder text = new StringBuilder();
    private final List<TextPosition> at = new ArrayList<>();

    private TextBoxes() {
        setSortByPosition(true);
    }

    /** @param page 1-based; {@code scale} is pixels per PDF unit (dpi / 72) */
    static List<Rectangle> find(PDDocument doc, int page, Phrases phrases, float scale) throws IOException {
        TextBoxes boxes = new TextBoxes();
        boxes.setStartPage(page);
        boxes.setEndPage(page);
        boxes.writeText(doc, Writer.nullWriter());
        List<Rectangle> found = new ArrayList<>();
        for (int[] match : phrases.find(boxes.text.toString())) {
            for (int i = match[0]; i < match[1]; i++) {
                TextPosition p = boxes.at.get(i);
                if (p != null) {
                    found.add(new Rectangle((int) Math.floor(p.getXDirAdj() * scale),
                            (int) Math.floor((p.getYDirAdj() - p.getHeightDir()) * scale),
                            (int) Math.ceil(p.getWidthDirAdj() * scale) + 1, (int) Math.ceil(p.getHeightDir() * 1.4f * scale) + 1));
                }
            }
        }
        return found;
    }

    @Override
    protected void writeString(String ignored, List<TextPosition> positions) {
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            for (int i = 0; i < unicode.length(); i++) {
                text.append(unicode.charAt(i));
                at.add(p);
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
        at.add(null);
    }

    @Override
    protected void writeLineSeparator() {
        text.append('\n');
        at.add(null);
    }
}
