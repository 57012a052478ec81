package org.calibrate.intake.formats;

import org.apache.commons.logging.LogFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LibraryLoggingTest {
    @Test
    void pdfBoxLogsToJavaUtilLoggingThoughPoiBringsTheLog4jApi() {
        assertEquals("org.apache.commons.logging.impl.Jdk14Logger", LogFactory.getLog(PDDocument.class).getClass().getName());
    }
}
