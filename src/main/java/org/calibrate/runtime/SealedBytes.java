package org.calibrate.runtime;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Students' files at rest, sealed with the data key (AES-256-GCM); files stored before the key was in use read as they are. */
@Converter
public class SealedBytes implements AttributeConverter<byte[], byte[]> {
    @Override
    public byte[] convertToDatabaseColumn(byte[] value) {
        DataKey key = DataKey.active();
        return value == null || !key.available() ? value : key.sealBytes(value);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] stored) {
        return stored != null && DataKey.sealedBytes(stored) ? DataKey.active().openBytes(stored) : stored;
    }
}
