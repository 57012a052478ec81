package org.calibrate.intake.formats;

import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.rtf.RTFEditorKit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The text of an RTF document, read with the JDK's own RTF reader (no display needed). Its size is bounded
 * by the file limit before it gets here; the reader builds a styled document of about the text's size.
 */
final class RtfText {
    private RtfText() {
    }

    static Extraction read(byte[] rtf) throws Unreadable {
        DefaultStyledDocument doc = new DefaultStyledDocument();
        try {
            new RTFEditorKit().read(new ByteArrayInputStream(rtf), doc, 0);
            // The reader ends each paragraph (\par) with one line feed; in the extraction paragraphs are apart by a blank line.
            String text = doc.getText(0, doc.getLength()).replace("\n", "\n\n");
            return Extraction.of(Format.RTF, text, 1, List.of());
        } catch (IOException | BadLocationException e) {
            throw Unreadable.corrupt(Magic.RTF.noun(), e);
        }
    }
}
