package org.calibrate.moderation.control;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartXlsxTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    @TempDir
    static Path dir;
    private static Map<String, String> parts;
    private static Map<String, Cell> chartSheet;
    private static Map<String, Cell> piecesSheet;

    /** t is the cell type as read: "s" for text (shared or inline), "n" for a number. */
    record Cell(String t, String value) {
    }

    @BeforeAll
    static void writeAndOpen() throws Exception {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("content", "Content");
        criteria.put("cmd", "+cmd");
        Map<String, String> scorers = Map.of("m1", HYPERLINK, "m2", "Ann Lee");
        ScoringChart.Chart chart = new ScoringChart.Chart(criteria, scorers, List.of(
                new ScoringChart.Row("K7P-2QX", List.of(
                        new ScoringChart.Cell("m1", Map.of("content", 3, "cmd", 1), 4, null),
                        new ScoringChart.Cell("m2", Map.of("content", 4, "cmd", 3), 7, null)), PieceAgreement.Status.DISCREPANT, 2),
                new ScoringChart.Row("B2C-9RT", List.of(
                        new ScoringChart.Cell("m1", Map.of(), null, "blank"),
                        new ScoringChart.Cell("m2", Map.of("content", 2, "cmd", 2), 4, null)), PieceAgreement.Status.DISCREPANT, Integer.MAX_VALUE),
                new ScoringChart.Row("Q4M-7ZD", List.of(
                        new ScoringChart.Cell("m2", Map.of("content", 1, "cmd", 1), 2, null)), PieceAgreement.Status.SINGLE, 0)));
        parts = unzip(ChartXlsx.write(chart, "Year 9 argument, spring"));
        List<String> shared = sharedStrings();
        chartSheet = cells(parts.get("xl/worksheets/sheet1.xml"), shared);
        piecesSheet = cells(parts.get("xl/worksheets/sheet2.xml"), shared);
    }

    @Test
    void theWorkbookHasBothSheets() throws Exception {
        NodeList sheets = parse(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sheets.getLength(); i++) {
            names.add(((Element) sheets.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("Scoring chart", "Pieces"), names);
    }

    @Test
    void noCellIsAFormula() throws Exception {
        for (Map.Entry<String, String> part : parts.entrySet()) {
            if (part.getKey().endsWith(".xml")) {
                assertEquals(0, parse(part.getValue()).getElementsByTagName("f").getLength(), part.getKey());
            }
        }
    }

    @Test
    void dangerousTextsAppearOnlyDefused() {
        List<String> texts = new ArrayList<>();
        chartSheet.values().stream().filter(c -> c.t().equals("s")).forEach(c -> texts.add(c.value()));
        piecesSheet.values().stream().filter(c -> c.t().equals("s")).forEach(c -> texts.add(c.value()));
        assertTrue(texts.contains("'" + HYPERLINK), texts.toString());
        assertTrue(texts.contains("'+cmd"), texts.toString());
        assertFalse(texts.contains(HYPERLINK));
        assertFalse(texts.contains("+cmd"));
        texts.forEach(t -> assertTrue(t.isEmpty() || "=+-@\t\r".indexOf(t.charAt(0)) < 0, t));
    }

    @Test
    void theChartSheetHasAHeaderAndOneRowPerPieceAndScorer() {
        assertEquals(List.of("piece", "status", "spread", "scorer", "condition_code", "Content", "'+cmd", "total"),
                row(chartSheet, 1, 8).stream().map(Cell::value).toList());
        assertEquals(6, rows(chartSheet), "header and five scores");
        assertEquals(new Cell("s", "K7P-2QX"), chartSheet.get("A2"));
        assertEquals(new Cell("s", "discrepant"), chartSheet.get("B2"));
        assertEquals(new Cell("n", "2"), chartSheet.get("C2"));
        assertEquals(new Cell("s", "'" + HYPERLINK), chartSheet.get("D2"));
        assertEquals(new Cell("n", "3"), chartSheet.get("F2"));
        assertEquals(new Cell("n", "1"), chartSheet.get("G2"));
        assertEquals(new Cell("n", "4"), chartSheet.get("H2"));
        assertEquals(new Cell("n", "7"), chartSheet.get("H3"));
    }

    @Test
    void aBlankResponseLeavesItsLevelsAndTheSpreadEmpty() {
        assertEquals(new Cell("s", "B2C-9RT"), chartSheet.get("A4"));
        assertNull(chartSheet.get("C4"), "no spread where a blank meets a scored response");
        assertEquals(new Cell("s", "blank"), chartSheet.get("E4"));
        assertNull(chartSheet.get("F4"));
        assertNull(chartSheet.get("H4"));
        assertEquals(new Cell("n", "2"), chartSheet.get("F5"));
    }

    @Test
    void thePiecesSheetPutsEachPiecesLevelsSideBySide() {
        assertEquals(List.of("piece", "status", "spread", "scores", "Content", "'+cmd", "totals", "condition_codes"),
                row(piecesSheet, 1, 8).stream().map(Cell::value).toList());
        assertEquals(4, rows(piecesSheet), "header and three pieces");
        assertEquals(List.of(new Cell("s", "K7P-2QX"), new Cell("s", "discrepant"), new Cell("n", "2"), new Cell("n", "2"),
                new Cell("s", "3 / 4"), new Cell("s", "1 / 3"), new Cell("s", "4 / 7")), row(piecesSheet, 2, 7));
        assertEquals(new Cell("s", "– / 2"), piecesSheet.get("E3"));
        assertEquals(new Cell("s", "blank"), piecesSheet.get("H3"));
        assertEquals(new Cell("n", "1"), piecesSheet.get("D4"));
        assertEquals(new Cell("s", "1"), piecesSheet.get("E4"));
    }

    @Test
    void theHeaderRowIsFrozen() throws Exception {
        Element pane = (Element) parse(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("pane").item(0);
        assertEquals("1", pane.getAttribute("ySplit"));
        assertEquals("frozen", pane.getAttribute("state"));
    }

    private static List<Cell> row(Map<String, Cell> sheet, int row, int columns) {
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            cells.add(sheet.get((char) ('A' + c) + Integer.toString(row)));
        }
        return cells;
    }

    private static long rows(Map<String, Cell> sheet) {
        return sheet.keySet().stream().map(ref -> ref.replaceAll("[A-Z]", "")).distinct().count();
    }

    private static List<String> sharedStrings() throws Exception {
        List<String> shared = new ArrayList<>();
        String xml = parts.get("xl/sharedStrings.xml");
        if (xml != null) {
            NodeList items = parse(xml).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        return shared;
    }

    private static Map<String, Cell> cells(String sheetXml, List<String> shared) throws Exception {
        Map<String, Cell> cells = new HashMap<>();
        NodeList cs = parse(sheetXml).getElementsByTagName("c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            String type = c.getAttribute("t");
            NodeList v = c.getElementsByTagName("v");
            Cell cell = switch (type) {
                case "s" -> new Cell("s", shared.get(Integer.parseInt(v.item(0).getTextContent())));
                case "inlineStr", "str" -> new Cell("s", c.getTextContent());
                case "", "n" -> v.getLength() == 0 ? null : new Cell("n", v.item(0).getTextContent());
                default -> new Cell(type, c.getTextContent());
            };
            if (cell != null) {
                cells.put(c.getAttribute("r"), cell);
            }
        }
        return cells;
    }

    /** Through the central directory, as spreadsheet programs read it: the entries carry Zip64 data descriptors that ZipInputStream rejects. */
    private static Map<String, String> unzip(byte[] xlsx) throws IOException {
        Path file = Files.write(dir.resolve("chart.xlsx"), xlsx);
        Map<String, String> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
