package org.calibrate.anonymise.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Files written by the tests themselves, each carrying the metadata or names a case needs. */
final class Fixtures {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private Fixtures() {
    }

    // ---- PDF ----

    /** One page per string, set in Helvetica; the document carries Info, XMP and a sticky note by "Mr. Hughes". */
    static byte[] pdfWithMetadata(String... pages) {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = textPage(doc, text);
                PDAnnotationText note = new PDAnnotationText();
                note.setRectangle(new PDRectangle(400, 700, 20, 20));
                note.setTitlePopup("Mr. Hughes");
                note.setContents("See me after class, Avery");
                page.getAnnotations().add(note);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setAuthor("Avery Quill");
            info.setCreator("QuillWriter Studio");
            info.setProducer("QuillPress Converter");
            info.setTitle("Essay of Avery Quill");
            doc.setDocumentInformation(info);
            String xmp = "<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>XmpAuthor Avery</dc:creator>"
                    + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
            doc.getDocumentCatalog().setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page per string, plain text only. */
    static byte[] pdf(String... pages) {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                textPage(doc, text);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page whose only content is a picture of the given text: no text layer to find a name in. */
    static byte[] pdfWithPictureOf(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, line(text, 1200, 160, 64));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 36, 600, 540, 72);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of text that also shows a picture (a plain grey square): its text alone cannot stand for it. */
    static byte[] pdfWithTextAndPicture(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = textPage(doc, text);
            BufferedImage grey = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = grey.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, 50, 50);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, grey);
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.drawImage(image, 72, 400, 100, 100);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPage textPage(PDDocument doc, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            for (String line : text.split("\n")) {
                content.showText(line);
                content.newLineAtOffset(0, -16);
            }
            content.endText();
        }
        return page;
    }

    /** Uncompressed, so a raw byte search sees every dictionary as the scrubber's output shows it. */
    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    // ---- images ----

    /** Black text on white, large and clean enough for OCR. */
    static BufferedImage line(String text, int width, int height, int fontSize) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        g.drawString(text, 20, height / 2 + fontSize / 3);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG with an EXIF APP1 segment right after SOI, built by hand (big-endian TIFF): IFD0 holds the
     * orientation, the artist "Avery Quill" and a pointer to a GPS IFD with a latitude.
     */
    static byte[] jpegWithExif(BufferedImage image, int orientation) {
        byte[] jpeg = encode(image, "jpg");
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        byte[] artist = "Avery Quill\0".getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int artistAt = ifd0 + ifd0Size;
        int gpsAt = artistAt + artist.length;
        write(tiff, 'M', 'M', 0, 42, 0, 0, 0, ifd0);
        write(tiff, 0, 3);
        entry(tiff, 0x0112, 3, 1, orientation << 16);
        entry(tiff, 0x013B, 2, artist.length, artistAt);
        entry(tiff, 0x8825, 4, 1, gpsAt);
        write(tiff, 0, 0, 0, 0);
        tiff.writeBytes(artist);
        write(tiff, 0, 1);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        write(tiff, 0, 0, 0, 0);
        byte[] body = tiff.toByteArray();
        int length = 2 + 6 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        write(out, 0xFF, 0xE1, length >> 8, length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int tag, int type, int count, int value) {
        write(out, tag >> 8, tag & 0xFF, 0, type, count >> 24, count >> 16 & 0xFF, count >> 8 & 0xFF, count & 0xFF,
                value >>> 24, value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF);
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    // ---- packages ----

    static byte[] zip(Map<String, String> parts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    out.putNextEntry(new ZipEntry(part.getKey()));
                    out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every part of a ZIP, as text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /**
     * A Word document written part by part: core, app and custom properties naming "Avery Quill"; a comment by
     * "Mr. Hughes" (with people.xml); an insertion and a deletion tracked for "Ms. Patel"; revision ids.
     * {@code body} is the text of a first paragraph, before the tracked changes' one; {@code cell} stands in a table.
     */
    static byte[] docxWithPeople(String body, String cell) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
                <Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>
                <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
                <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
                <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
                <Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
                <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
                </Relationships>""");
        parts.put("word/_rels/document.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
                <Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
                </Relationships>""");
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>
                <w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>The water cycle</w:t></w:r></w:p>
                <w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r w:rsidRPr="00D4E5F6"><w:t xml:space="preserve">%s</w:t></w:r></w:p>
                <w:p w:rsidR="00A1B2C3"><w:r><w:t xml:space="preserve">Evaporation drives it </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>clearly</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>\
                <w:ins w:id="1" w:author="Ms. Patel" w:date="2024-03-01T10:00:00Z"><w:r><w:t xml:space="preserve"> and with evidence</w:t></w:r></w:ins>\
                <w:del w:id="2" w:author="Ms. Patel" w:date="2024-03-01T10:05:00Z"><w:r><w:delText xml:space="preserve"> a removedpassage</w:delText></w:r></w:del></w:p>
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Stage</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                <w:p/><w:sectPr/></w:body></w:document>""".formatted(W, body, cell));
        parts.put("word/comments.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:comments xmlns:w="%s"><w:comment w:id="0" w:author="Mr. Hughes" w:initials="MH" w:date="2024-03-02T09:00:00Z">\
                <w:p><w:r><w:t>Nice point</w:t></w:r></w:p></w:comment></w:comments>""".formatted(W));
        parts.put("word/people.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="Mr. Hughes"/></w15:people>""");
        parts.put("word/settings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:settings xmlns:w="%s"><w:trackRevisions/><w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids></w:settings>""".formatted(W));
        parts.put("docProps/core.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <dc:title>Essay of Avery Quill</dc:title><dc:creator>Avery Quill</dc:creator><cp:lastModifiedBy>Ms. Patel</cp:lastModifiedBy>\
                <dcterms:created xsi:type="dcterms:W3CDTF">2024-02-28T08:00:00Z</dcterms:created></cp:coreProperties>""");
        parts.put("docProps/app.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application>\
                <Company>QuillCorp Academy</Company><Manager>Dana Overseer</Manager></Properties>""");
        parts.put("docProps/custom.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
                <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="StudentNumber"><vt:lpwstr>S-77-QUILLID</vt:lpwstr></property></Properties>""");
        return zip(parts);
    }

    /** An OpenDocument text: meta.xml naming its creators, a comment by "Mr. Hughes", a deletion tracked for "Ms. Patel". */
    static byte[] odtWithPeople() {
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        String text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        String dc = "http://purl.org/dc/elements/1.1/";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/vnd.oasis.opendocument.text");
        parts.put("META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>
                </manifest:manifest>""");
        parts.put("meta.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="%s" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="%s" office:version="1.2">\
                <office:meta><meta:initial-creator>Avery Quill</meta:initial-creator><dc:creator>Ms. Patel</dc:creator>\
                <dc:date>2024-03-01T10:00:00</dc:date><meta:user-defined meta:name="Student">S-77-QUILLID</meta:user-defined></office:meta>\
                </office:document-meta>""".formatted(office, dc));
        parts.put("content.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="%s" xmlns:text="%s" xmlns:dc="%s" office:version="1.2"><office:body><office:text>\
                <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Ms. Patel</dc:creator>\
                <dc:date>2024-03-01T10:05:00</dc:date></office:change-info><text:p>a removedpassage</text:p></text:deletion></text:changed-region></text:tracked-changes>\
                <text:p>Evaporation drives the cycle<office:annotation><dc:creator>Mr. Hughes</dc:creator><text:p>Nice point</text:p></office:annotation>.\
                <text:change text:change-id="ct1"/> Rain follows.</text:p></office:text></office:body></office:document-content>""".formatted(office, text, dc));
        parts.put("Thumbnails/thumbnail.png", "not really a png, but a thumbnail of page one: Avery Quill");
        return zip(parts);
    }

    static List<String> xmlParts(Map<String, String> parts) {
        return parts.entrySet().stream().filter(e -> e.getKey().endsWith(".xml") || e.getKey().endsWith(".rels"))
                .map(Map.Entry::getValue).toList();
    }
}
