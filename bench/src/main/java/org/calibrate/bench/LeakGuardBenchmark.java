package org.calibrate.bench;

import jakarta.json.Json;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.control.LeakGuard;
import org.calibrate.anonymise.entity.Person;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The leak guard on one scorer-facing payload, as the server runs it for every piece a scorer opens: build the
 * course's people (ROSTER people, a tenth teachers) and mask a work view of a 500-word anonymised piece with the
 * rubric and anchors (about 6 KB of JSON). Average time per payload, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class LeakGuardBenchmark {
    @Param({"30", "500"})
    public int roster;

    private static final String[] GIVEN = {"Maya", "Hope", "Will", "Mark", "Rose", "William", "Grace", "Zoë", "Siobhan", "Lena", "Mateo",
            "Aaliyah", "Oluwaseun", "Priya", "Dmitri", "Katherine", "Alexander", "Jennifer", "Michael", "Xiaoming"};
    private static final String[] FAMILY = {"Thompson", "Nguyen-Tran", "Okafor", "Feldman", "Delgado", "Chen", "Kim", "Kowalski", "O'Brien",
            "Fischer-Morales", "Ramírez", "Johnson", "Adeyemi", "Raghunathan", "Volkov", "Brooks", "Petrov", "Osei", "Sato", "Li"};
    private static final String[] PROSE = ("the experiment showed that water boils faster when the pot is covered because less heat escapes "
            + "into the air and we will mark the results on the graph tomorrow I hope the data is clear enough").split(" ");

    private List<Person> people;
    private String payload;

    @Setup
    public void setUp() {
        people = new ArrayList<>();
        for (int i = 0; i < roster; i++) {
            String given = GIVEN[i % GIVEN.length];
            String family = FAMILY[(i / GIVEN.length) % FAMILY.length] + (i >= GIVEN.length * FAMILY.length ? "-" + i : "");
            people.add(i % 10 == 0 ? Person.instructor("t" + i, given, family) : Person.learner("u" + i, given, family));
        }
        Random r = new Random(3);
        StringBuilder text = new StringBuilder("[student] [class]\n\n");
        for (int w = 0; w < 500; w++) {
            text.append(PROSE[r.nextInt(PROSE.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        var anchors = Json.createArrayBuilder();
        for (int a = 0; a < 4; a++) {
            anchors.add(Json.createObjectBuilder().add("item", "i" + a).add("excerpt", "A clear claim supported by both texts, level " + a));
        }
        payload = Json.createObjectBuilder().add("code", "K7P-2QX").add("position", 3).add("allocated", 24).add("text", text.toString())
                .add("words", 500).add("editable", true)
                .add("rubric", Json.createObjectBuilder().add("title", "Short response").add("criteria", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "response").add("points", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("level", 0).add("descriptor", "Does not address the prompt"))
                                .add(Json.createObjectBuilder().add("level", 1).add("descriptor", "Partly addresses it, some detail"))
                                .add(Json.createObjectBuilder().add("level", 2).add("descriptor", "Valid inferences, relevant details"))))))
                .add("anchors", anchors).build().toString();
    }

    @Benchmark
    public LeakGuard.Masked guardOnePayload() {
        return new LeakGuard(new KnownPeople(people)).maskJson(payload);
    }
}
