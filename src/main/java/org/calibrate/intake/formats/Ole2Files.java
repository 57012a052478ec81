package org.calibrate.intake.formats;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Files in Microsoft's older compound format (OLE2), none of which is read: a password-protected DOCX
 * (Word wraps the encrypted package in OLE2), or a .doc, .xls or .ppt from before 2007. What matters is
 * telling the teacher which, because what to ask the student for differs.
 */
final class Ole2Files {
    private Ole2Files() {
    }

    static Unreadable refusal(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            // [MS-OFFCRYPTO]: an encrypted OOXML document is an EncryptedPackage stream beside its EncryptionInfo.
            if (root.hasEntry("EncryptedPackage")) {
                return Unreadable.encrypted("document");
            }
            if (root.hasEntry("WordDocument")) {
                return Unreadable.unsupported("an older Word document (.doc)", "ask the student to save it as DOCX or PDF"
                        + " (in Word: File, Save As) and hand that in.");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Unreadable.unsupported("an older Excel workbook (.xls)");
            }
            if (root.hasEntry("PowerPoint Document")) {
                return Unreadable.unsupported("an older PowerPoint presentation (.ppt)");
            }
            return Unreadable.unsupported(Magic.OLE2.description());
        } catch (IOException | RuntimeException e) {
            return Unreadable.corrupt(Magic.OLE2.noun(), e);
        }
    }
}
