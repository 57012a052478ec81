package org.calibrate.rubrics.control;

import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.calibrate.rubrics.control.Examples.analytic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RubricCsvTest {
    private static final String HEADER = "kind,key,name,level,text,applies_to\r\n";

    private static String problem(String csv) {
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricCsv.read(csv));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void roundTripOfEveryShippedRubric() {
        assertEquals(3, ShippedRubrics.all().size());
        for (ShippedRubrics.Shipped s : ShippedRubrics.all()) {
            assertEquals(s.definition(), RubricCsv.importCsv(RubricCsv.write(s.definition())), s.family());
        }
    }

    @Test
    void roundTripOfAwkwardText() {
        RubricDefinition awkward = new RubricDefinition("Title, with \"quotes\"", "Line one\nline two, \"quoted\"",
                List.of(new Criterion("content", "=SUM(A1:A2)", "-starts like a formula", List.of(
                        new ScorePoint(0, "'0", "@user and + and ;semicolons;"),
                        new ScorePoint(1, "+1", "• one\n• two\n\n• after a blank line, \"quoted\""),
                        new ScorePoint(2, "2", null)))),
                List.of(new Cap("one-text", "Only one text, \"really\"", 1, List.of("content"))),
                List.of("'leading apostrophe", "tab\tinside", "trailing spaces  "));
        assertEquals(List.of(), RubricRules.problems(awkward));
        String csv = RubricCsv.write(awkward);
        assertEquals(awkward, RubricCsv.read(csv));
        assertTrue(csv.contains("\r\ncriterion,content,'=SUM(A1:A2),,'-starts like a formula,\r\n"),
                "formula-like cells are written as text: " + csv);
    }

    @Test
    void writesTheDocumentedLayout() {
        String csv = RubricCsv.write(analytic());
        assertEquals('\uFEFF', csv.charAt(0), "a byte order mark, so Excel reads UTF-8");
        List<String> lines = csv.substring(1).lines().toList();
        assertEquals("kind,key,name,level,text,applies_to", lines.get(0));
        assertEquals("rubric,,Expository writing,,Grades 6–8,", lines.get(1));
        assertEquals("criterion,content,Content and analysis,,The extent to which content and analysis shows.,", lines.get(2));
        assertEquals("point,content,0,0,Descriptor for 0,", lines.get(6));
        assertEquals("cap,one-text,,2,The prompt requires two texts and the response references only one,", lines.get(26));
        assertEquals("cap,no-quotes,,1,The response quotes nothing,evidence", lines.get(27));
        assertEquals("note,,,,Score the best fit.,", lines.get(28));
        assertEquals(29, lines.size());
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void readsExcelStyleInputWithBomCrlfAndRowsInAnyOrder() {
        String csv = "\uFEFFKind,Key,Name,Level,Text,Applies_To\r\n"
                + "point,response,Full,2,\"• one\r\n• two\",\r\n"
                + "RUBRIC,,Short response,,,\r\n"
                + ",,,,,\r\n"
                + "point,response,None,0,Nothing,\r\n"
                + "criterion,response,Response,,\r\n"
                + "point,response,Some,1,\"Some, not all\",\r\n"
                + "cap, one-text ,, 1 ,Only one text, response ; \r\n";
        RubricDefinition r = RubricCsv.importCsv(csv);
        assertEquals("Short response", r.title());
        assertEquals(null, r.description());
        Criterion c = r.criteria().get(0);
        assertEquals(List.of(new ScorePoint(2, "Full", "• one\n• two"), new ScorePoint(0, "None", "Nothing"),
                new ScorePoint(1, "Some", "Some, not all")), c.points());
        assertEquals(List.of(new Cap("one-text", "Only one text", 1, List.of("response"))), r.caps());
        assertEquals("0–2", r.range());
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() {
        String csv = HEADER
                + "rubric,,T,,\"two\nlines\",\r\n"
                + "criterion,c,C,,,\r\n"
                + "point,c,0,zero,d,\r\n";
        assertEquals("Line 5: level \"zero\" is not a whole number", problem(csv));
    }

    @Test
    void hostileRowsNameTheirLine() {
        String start = HEADER + "rubric,,T,,,\r\ncriterion,c,C,,,\r\n";
        assertEquals("Line 4: level \"2.5\" is not a whole number", problem(start + "point,c,2.5,2.5,d,\r\n"));
        assertEquals("Line 4: level \"99999999999\" is not a whole number", problem(start + "point,c,l,99999999999,d,\r\n"));
        assertEquals("Line 4: point needs a level", problem(start + "point,c,l,,d,\r\n"));
        assertEquals("Line 4: cap needs a level", problem(start + "cap,k,,,condition,\r\n"));
        assertEquals("Line 5: point for criterion \"evidence\", which no criterion row defines",
                problem(start + "point,c,0,0,d,\r\npoint,evidence,0,0,d,\r\npoint,evidence,1,1,d,\r\n"));
        assertEquals("Line 4: unknown kind \"score\"; use rubric, criterion, point, cap or note", problem(start + "score,c,,1,,\r\n"));
        assertEquals("Line 4: criterion \"c\" is defined twice", problem(start + "criterion,c,Again,,,\r\n"));
        assertEquals("Line 4: a second rubric row (the first is on line 2)", problem(start + "rubric,,Again,,,\r\n"));
        assertEquals("Line 4: has more than the 6 columns kind,key,name,level,text,applies_to", problem(start + "note,,,,n,,extra\r\n"));
        assertEquals("Line 4: not valid CSV (a quote opened but never closed, or text after a closing quote)",
                problem(start + "note,,,,\"never closed\r\n"));
    }

    @Test
    void headerAndRubricRowAreRequired() {
        assertEquals("Line 1: the header must be kind,key,name,level,text,applies_to", problem("rubric,,T,,,\r\n"));
        assertEquals("Line 1: the header must be kind,key,name,level,text,applies_to (the sheet seems to use semicolons; "
                + "save it as CSV with commas)", problem("kind;key;name;level;text;applies_to\r\nrubric;;T;;;\r\n"));
        assertEquals("The sheet has no rubric row (kind \"rubric\", with the title under name)", problem(HEADER + "note,,,,n,\r\n"));
        assertEquals("The rubric sheet is empty", problem(""));
    }

    @Test
    void tooManyRowsAreRefused() {
        StringBuilder csv = new StringBuilder(HEADER).append("rubric,,T,,,\r\n");
        for (int i = 0; i < RubricCsv.MAX_ROWS; i++) {
            csv.append("note,,,,n,\r\n");
        }
        assertEquals("Line 2002: the sheet has more than 2000 rows", problem(csv.toString()));
        assertEquals("The rubric sheet is larger than 256 KB", problem(HEADER + "note,,,," + "n".repeat(RubricCsv.MAX_BYTES) + ",\r\n"));
    }

    @Test
    void importRefusesWhatTheRulesRefuse() {
        String csv = HEADER + "rubric,,T,,,\r\ncriterion,c,C,,,\r\npoint,c,0,0,,\r\npoint,c,1,1,,\r\npoint,c,3,3,,\r\n";
        InvalidRubric e = assertThrows(InvalidRubric.class, () -> RubricCsv.importCsv(csv));
        assertEquals(List.of("Criterion \"C\": levels must be whole numbers without gaps (found 0, 1, 3)"), e.problems());
    }
}
