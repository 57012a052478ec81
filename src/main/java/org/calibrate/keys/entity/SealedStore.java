package org.calibrate.keys.entity;

import org.calibrate.runtime.DataKey;
import org.calibrate.runtime.SealedText;

import java.util.Optional;

/**
 * A column that holds values sealed with the data key, as the database has it (migrations V3, V5, V6, V9), and how to tell
 * from a value's beginning which key sealed it.
 */
public enum SealedStore {
    IDENTITY_LINKS("piece_identity", "piece_id", "learner_subject", Form.MARKED_TEXT),
    ORIGINALS("piece_review", "piece_id", "original_text", Form.MARKED_TEXT),
    LMS_TOKENS("moodle_connection", "platform_id", "token", Form.TEXT),
    SUBMISSION_NOTICES("asset_notice", "id", "body", Form.MARKED_TEXT),
    FILES("stored_blob", "id", "content", Form.BYTES);

    /** How the column holds a value: text with the {@code enc1:} marker (else plain), sealed text only, or bytes. */
    public enum Form {
        MARKED_TEXT, TEXT, BYTES
    }

    /** Where a value stands: plain (written before a key was in use), sealed under a named key, sealed before key ids, or not a sealed value. */
    public record Standing(Kind kind, String kid) {
        public enum Kind {
            PLAIN, SEALED, UNNAMED, UNREADABLE
        }

        public boolean under(String currentKid) {
            return kind == Kind.SEALED && kid.equals(currentKid);
        }
    }

    /** How much of a value's beginning {@link #glance} needs: a JWE header with its key id, or the bytes' marker and key id. */
    public static final int PREFIX = 120;

    private final String table;
    private final String idColumn;
    private final String column;
    private final Form form;

    SealedStore(String table, String idColumn, String column, Form form) {
        this.table = table;
        this.idColumn = idColumn;
        this.column = column;
        this.form = form;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String table() {
        return table;
    }

    public String idColumn() {
        return idColumn;
    }

    public String column() {
        return column;
    }

    public Form form() {
        return form;
    }

    /** Where a value stands, from its beginning ({@link #PREFIX} characters or bytes) or the whole of it. */
    public Standing glance(Object value) {
        if (form == Form.BYTES) {
            byte[] b = (byte[]) value;
            Optional<String> kid = DataKey.kidOf(b);
            if (kid.isPresent()) {
                return new Standing(Standing.Kind.SEALED, kid.get());
            }
            return new Standing(DataKey.sealedBytes(b) ? Standing.Kind.UNNAMED : Standing.Kind.PLAIN, null);
        }
        String s = (String) value;
        if (form == Form.MARKED_TEXT) {
            if (!s.startsWith(SealedText.MARK)) {
                return new Standing(Standing.Kind.PLAIN, null);
            }
            s = s.substring(SealedText.MARK.length());
        }
        try {
            return DataKey.kidOf(s).map(k -> new Standing(Standing.Kind.SEALED, k)).orElse(new Standing(Standing.Kind.UNNAMED, null));
        } catch (IllegalStateException notSealed) {
            return new Standing(Standing.Kind.UNREADABLE, null);
        }
    }

    /** The id of the held key that opens a whole value sealed before key ids, if any. */
    public Optional<String> opener(Object value, DataKey key) {
        if (form == Form.BYTES) {
            return key.opener((byte[]) value);
        }
        String s = (String) value;
        try {
            return key.opener(form == Form.MARKED_TEXT ? s.substring(SealedText.MARK.length()) : s);
        } catch (IllegalStateException notSealed) {
            return Optional.empty();
        }
    }

    /** The whole value sealed again under the current key; a plain one sealed for the first time. Throws when no held key opens it. */
    public Object reseal(Object value, DataKey key) {
        if (form == Form.BYTES) {
            byte[] b = (byte[]) value;
            return key.sealBytes(DataKey.sealedBytes(b) ? key.openBytes(b) : b);
        }
        String s = (String) value;
        if (form == Form.TEXT) {
            return key.seal(key.open(s));
        }
        return SealedText.MARK + key.seal(s.startsWith(SealedText.MARK) ? key.open(s.substring(SealedText.MARK.length())) : s);
    }
}
