package org.calibrate.anonymise.control;

import org.calibrate.anonymise.entity.Person;

import java.util.ArrayList;
import java.util.List;

/**
 * Every written form of one person's name: given and family names, the other words of the full name
 * (middle names), each part of a hyphenated name ("Nguyen-Tran" is also "Nguyen" and "Tran"), and the
 * nicknames of the given name. One-letter forms are left out; they would wreck the text.
 */
final class NameForms {
    private NameForms() {
    }

    static List<NameForm> of(Person p) {
        List<NameForm> forms = new ArrayList<>();
        p.givenName().ifPresent(g -> add(forms, p, g, NameForm.Source.GIVEN));
        p.familyName().ifPresent(f -> add(forms, p, f, NameForm.Source.FAMILY));
        p.name().ifPresent(n -> add(forms, p, n, NameForm.Source.OTHER));
        String given = p.givenName().orElseGet(() -> p.name().map(n -> n.strip().split("\\s+")[0]).orElse(""));
        for (String word : given.split("[\\s-]+")) {
            for (String nick : Nicknames.of(word)) {
                forms.add(new NameForm(p, nick, NameForm.Source.NICKNAME));
            }
        }
        return forms;
    }

    private static void add(List<NameForm> forms, Person p, String name, NameForm.Source source) {
        for (Words.Word w : Words.of(name)) {
            addKey(forms, p, w.key(), source);
            if (w.text().contains("-")) {
                for (String part : w.text().split("-")) {
                    addKey(forms, p, Words.key(part), source);
                }
            }
        }
    }

    private static void addKey(List<NameForm> forms, Person p, String key, NameForm.Source source) {
        if (key.codePointCount(0, key.length()) >= 2 && forms.stream().noneMatch(f -> f.key().equals(key))) {
            forms.add(new NameForm(p, key, source));
        }
    }
}
