package org.calibrate.runtime;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A column that holds an identity (the link from a piece to its student, the original text with the names) is
 * stored sealed with the data key. Values written before the key was in use read as they are.
 */
@Converter
public class SealedText implements AttributeConverter<String, String> {
    /** Marks a sealed value; anything else was written before a key was in use. */
    public static final String MARK = "enc1:";

    @Override
    public String convertToDatabaseColumn(String value) {
        DataKey key = DataKey.active();
        return value == null || !key.available() ? value : MARK + key.seal(value);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored != null && stored.startsWith(MARK) ? DataKey.active().open(stored.substring(MARK.length())) : stored;
    }
}
