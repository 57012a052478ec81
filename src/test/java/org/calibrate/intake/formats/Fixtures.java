package org.calibrate.intake.formats;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.calibrate.intake.entity.SubmittedFile;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Every file the tests read, written by the tests themselves, so each can be as broken as a case needs. */
public final class Fixtures {
    static final String ODT_TYPE = "application/vnd.oasis.opendocument.text";

    private Fixtures() {
    }

    static SubmittedFile file(String name, byte[] content) {
        return new SubmittedFile(name, Optional.empty(), content);
    }

    static SubmittedFile file(String name, String declaredType, byte[] content) {
        return new SubmittedFile(name, Optional.of(declaredType), content);
    }

    // ---- PDF ----

    /** One page per list; each string a paragraph, set apart from the next by a wide gap, as PDFBox's paragraph detection needs. */
    @SafeVarargs
    public static byte[] pdf(List<String>... pages) {
        try (PDDocument doc = new PDDocument()) {
            writePages(doc, pages);
            return save(doc, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] protectedPdf(String ownerPassword, String userPassword, List<String> paragraphs) {
        try (PDDocument doc = new PDDocument()) {
            writePages(doc, paragraphs);
            AccessPermission permission = new AccessPermission();
            permission.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permission);
            policy.setEncryptionKeyLength(256);
            return save(doc, policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] blankPdf(int pages) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            return save(doc, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SafeVarargs
    private static void writePages(PDDocument doc, List<String>... pages) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (List<String> paragraphs : pages) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, 700);
                for (String paragraph : paragraphs) {
                    content.showText(paragraph);
                    content.newLineAtOffset(0, -48);
                }
                content.endText();
            }
        }
    }

    private static byte[] save(PDDocument doc, StandardProtectionPolicy policy) throws IOException {
        if (policy != null) {
            doc.protect(policy);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    // ---- Word ----

    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String paragraph : paragraphs) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] save(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /** What Word writes for "Encrypt with Password": the package, agile-encrypted, inside an OLE2 container. */
    static byte[] encryptedDocx(byte[] docx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(docx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OLE2 container with the stream a Word 97–2003 document has; its content does not matter to the check. */
    static byte[] legacyDoc() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- OpenDocument ----

    static String odtContent(String officeText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
                + "<office:body><office:text>" + officeText + "</office:text></office:body></office:document-content>";
    }

    static String manifest(boolean encrypted) {
        String encryption = encrypted
                ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\">"
                + "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"AAAA\"/>"
                + "<manifest:key-derivation manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" manifest:salt=\"AAAA\"/>"
                + "</manifest:encryption-data>"
                : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + ODT_TYPE + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">" + encryption
                + "</manifest:file-entry></manifest:manifest>";
    }

    public static byte[] odt(String officeText) {
        return odt(odtContent(officeText).getBytes(StandardCharsets.UTF_8), false);
    }

    /** As ODF packages are written: "mimetype" first and stored, then the manifest and the content. */
    static byte[] odt(byte[] contentXml, boolean encrypted) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", ODT_TYPE.getBytes(StandardCharsets.US_ASCII));
        entries.put("META-INF/manifest.xml", manifest(encrypted).getBytes(StandardCharsets.UTF_8));
        entries.put("content.xml", contentXml);
        return zip(entries);
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- images ----

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("x + 2 = 5", 5, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
