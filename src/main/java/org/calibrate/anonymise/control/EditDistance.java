package org.calibrate.anonymise.control;

/**
 * Damerau-Levenshtein distance bounded at one: one letter added, dropped, changed, or two neighbours swapped.
 * Public for OCR in {@code anonymise.files}, which must catch the same misspellings on a picture as in a text.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /**
     * A name of five letters or more: any one edit ("Thomspon"). A four-letter name: only a doubled
     * letter ("Mayaa"), since one free edit from "Maya" reaches ordinary words like "Mayan".
     */
    public static boolean misspelling(String name, String written) {
        if (name.length() >= 5) {
            return atMostOne(name, written);
        }
        if (written.length() != name.length() + 1) {
            return false;
        }
        for (int i = 0; i < written.length() - 1; i++) {
            if (written.charAt(i) == written.charAt(i + 1) && (written.substring(0, i) + written.substring(i + 1)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean atMostOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            String restA = a.substring(i + 1);
            String restB = b.substring(i + 1);
            boolean substituted = restA.equals(restB);
            boolean swapped = i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
            return substituted || swapped;
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
