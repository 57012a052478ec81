package org.calibrate.bench;

import org.calibrate.anonymise.control.Anonymiser;
import org.calibrate.anonymise.control.KnownPeople;
import org.calibrate.anonymise.entity.CourseContext;
import org.calibrate.anonymise.entity.Person;
import org.calibrate.anonymise.entity.Redaction;
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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Online anonymisation of typed work: 500-word texts, a class roster of 30 (26 learners, 4 teachers,
 * some names that are also words), about 40 names, an e-mail and a phone number planted per text.
 * One thread; the figure is pieces per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class AnonymiserBenchmark {
    @Param({"500"})
    public int words;
    @Param({"40"})
    public int names;

    private static final String[] GIVEN = {"Maya", "Hope", "Will", "Mark", "Rose", "William", "Grace", "Zoë", "Siobhan", "Lena", "Mateo",
            "Aaliyah", "Oluwaseun", "Priya", "Dmitri", "Katherine", "Alexander", "Jennifer", "Michael", "Xiaoming", "Noah", "Fatima",
            "Jacob", "Sofia", "Ethan", "May", "Daniel", "Karen", "Thomas", "Ngozi"};
    private static final String[] FAMILY = {"Thompson", "Nguyen-Tran", "Okafor", "Feldman", "Delgado", "Chen", "Kim", "Kowalski", "O'Brien",
            "Fischer-Morales", "Ramírez", "Johnson", "Adeyemi", "Raghunathan", "Volkov", "Brooks", "Petrov", "Osei", "Sato", "Li", "Begay",
            "Haddad", "Young", "Marino", "Park", "Castillo", "Alvarez", "Goldberg", "Reed", "Okonkwo"};
    private static final String[] PROSE = ("the experiment showed that water boils faster when the pot is covered because less heat escapes "
            + "into the air and we will mark the results on the graph tomorrow I hope the data is clear enough to explain why the "
            + "temperature rose so quickly in the first minutes of the trial").split(" ");

    private Anonymiser anonymiser;
    private final List<String> texts = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < GIVEN.length; i++) {
            people.add(i < 26 ? Person.learner("u" + i, GIVEN[i], FAMILY[i]) : Person.instructor("t" + i, GIVEN[i], FAMILY[i]));
        }
        anonymiser = new Anonymiser(new KnownPeople(people), new CourseContext(Optional.of("Humanities and Science 9"), Optional.of("HS9-2"),
                List.of(new CourseContext.School("Riverside Middle School", List.of("Riverside"))), List.of()));
        Random r = new Random(1);
        for (int t = 0; t < 64; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                boolean sentenceEnd = w % 12 == 11;
                if (r.nextInt(words) < names) {
                    int p = r.nextInt(GIVEN.length);
                    b.append(r.nextBoolean() ? GIVEN[p] : GIVEN[p] + " " + FAMILY[p]);
                } else {
                    b.append(PROSE[r.nextInt(PROSE.length)]);
                }
                b.append(sentenceEnd ? ". " : " ");
            }
            b.append("Write to maya.thompson@students.example.org or call (555) 214-8890.");
            texts.add(b.toString());
        }
    }

    @Benchmark
    public Redaction anonymise() {
        next = (next + 1) % texts.size();
        return anonymiser.anonymise(texts.get(next), Optional.of("u" + next % 26));
    }
}
