package org.calibrate.anonymise.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact data and numbers that point at one pupil: e-mail addresses, US phone numbers, student and
 * lunch ids, usernames and handles, URLs, street addresses, and the roster's own user ids and
 * usernames wherever they stand.
 */
final class ContactPatterns {
    /** Deliberately broad (RFC 5322's quoted local parts are not needed): any address is personal. */
    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![\\w@.])(?:https?://|www\\.)[^\\s<>\"]+|(?<![\\w@./])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|me|blog|us|dev|app|site)(?:/[^\\s<>\"]*)?(?![\\w@])");
    /** Sites whose pages are a person: profiles, personal blogs, portfolios. */
    private static final Pattern PERSONAL_URL = Pattern.compile(
            "(?i)instagram|tiktok|youtube\\.com/@|youtu\\.be|facebook|twitter|(?:^|[/.])x\\.com|github|gitlab|blogspot|wordpress|wixsite|weebly|sites\\.google|linkedin|snapchat|pinterest|tumblr|soundcloud|medium\\.com/@|replit|scratch\\.mit\\.edu/users|/~|/@|/users?/|/u/|/profile");
    /** North American numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, and 7-digit 555-1234. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w.,/-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?![\\w-])|(?<![\\w.,/-])\\d{3}-\\d{4}(?![\\w-])");
    /** An id after the word that names it: "Student ID: 20458", "lunch pin 4471", "ID# S-2204". */
    private static final Pattern NAMED_ID = Pattern.compile(
            "(?i)\\b(?:student\\s*(?:id|#|no\\.?|number|num)|id(?:\\s*(?:#|no\\.?|number))?|lunch\\s*(?:pin|number|code|id)|locker\\s*(?:#|no\\.?|number|combination|combo)?|badge\\s*(?:#|no\\.?|number)?)\\s*(?:is\\s+|[:#=]\\s*)?#?\\s*((?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{2,15})\\b");
    /** A bare long number: six to ten digits, not part of a decimal, a list of thousands or a sum. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.,/$€£-])\\d{6,10}(?![\\d%]|[.,]\\d)");
    /** Codes mixing capitals and at least three digits (2C08BW2B, S2045871), but not formulas like C6H12O6. */
    private static final Pattern CODE = Pattern.compile("\\b(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\\d){3})[A-Z0-9]{6,12}\\b");
    private static final Pattern FORMULA = Pattern.compile("(?:[A-Z][a-z]?\\d{0,2})+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_])?");
    private static final Pattern NAMED_USERNAME = Pattern.compile(
            "(?i)\\b(?:user\\s?name|login|handle|gamer\\s?tag|screen\\s?name|account(?:\\s+name)?)(?:\\s+[\\p{L}]+){0,4}?\\s*(?:\\s+is\\s+|[:=]\\s*)@?((?=[\\w.-]*[\\d_.])[A-Za-z0-9_.-]{3,30})");
    private static final String SUFFIXES = "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Trail|Trl";
    private static final Pattern STREET = Pattern.compile(
            "\\b\\d{1,6}(?:\\s+[NSEW]\\.?)?(?:\\s+(?:\\d{1,3}(?:st|nd|rd|th)|[A-Z][\\p{L}'-]*)){1,3}\\s+(?:" + SUFFIXES + ")\\b\\.?"
                    + "(?:,?\\s+(?:Apt|Apartment|Unit|Suite|#)\\.?\\s*[\\w-]+)?");
    /** "on 93rd", "at 5th and Main": the ordinal of a numbered street after a place preposition. */
    private static final Pattern ORDINAL_STREET = Pattern.compile(
            "(?i)\\b(?:on|at|off|near|by)\\s+(\\d{1,3}(?:st|nd|rd|th)(?:\\s+(?:" + SUFFIXES + ")\\b\\.?)?)(?!\\s+(?:place|grade|period|floor|century|time))");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+");
    private static final Pattern ZIP = Pattern.compile("\\b[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b");

    private ContactPatterns() {
    }

    static List<Finding> find(String text, KnownPeople people) {
        List<Finding> found = new ArrayList<>();
        all(EMAIL, text, Kind.EMAIL, found);
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = trimmedEnd(text, url.start(), url.end());
            String address = text.substring(url.start(), end);
            // A cited source (nasa.gov) identifies nobody; a profile or a page named after a pupil does.
            boolean personal = PERSONAL_URL.matcher(address).find() || namesSomeone(address, people);
            found.add(personal ? Finding.redact(url.start(), end, Kind.URL) : Finding.flag(url.start(), end, Kind.URL));
        }
        all(PHONE, text, Kind.PHONE, found);
        group(NAMED_ID, text, Kind.ID, found);
        all(LONG_NUMBER, text, Kind.ID, found);
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (!FORMULA.matcher(code.group()).matches()) {
                found.add(Finding.redact(code.start(), code.end(), Kind.ID));
            }
        }
        all(HANDLE, text, Kind.USERNAME, found);
        group(NAMED_USERNAME, text, Kind.USERNAME, found);
        all(STREET, text, Kind.ADDRESS, found);
        group(ORDINAL_STREET, text, Kind.ADDRESS, found);
        all(PO_BOX, text, Kind.ADDRESS, found);
        all(ZIP, text, Kind.ADDRESS, found);
        rosterTokens(text, people, found);
        return found;
    }

    /** The roster's user ids and usernames, wherever they stand as a whole token. */
    private static void rosterTokens(String text, KnownPeople people, List<Finding> found) {
        if (people.userIds().isEmpty() && people.usernames().isEmpty()) {
            return;
        }
        Matcher token = Pattern.compile("[\\p{L}\\p{N}_.-]+").matcher(text);
        while (token.find()) {
            int end = token.end();
            while (end > token.start() && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            String t = text.substring(token.start(), end);
            if (t.length() >= 3 && people.userIds().containsKey(t) && t.chars().anyMatch(Character::isDigit)) {
                found.add(Finding.redact(token.start(), end, Kind.ID));
            } else if (people.usernames().containsKey(t.toLowerCase(Locale.ROOT)) && people.forms(Words.key(t), java.util.Optional.empty()).isEmpty()) {
                // A username that is just a name ("maya") is left to the name rules, which label it by person.
                found.add(Finding.redact(token.start(), end, Kind.USERNAME));
            }
        }
    }

    private static boolean namesSomeone(String address, KnownPeople people) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (people.usernames().keySet().stream().anyMatch(lower::contains)) {
            return true;
        }
        String folded = Words.key(address);
        return people.nameKeys().stream().anyMatch(k -> k.length() >= 4 && !RosterNames.wordLike(k) && folded.contains(k.replace("'", "")));
    }

    /** URLs end before the punctuation that closes the sentence around them. */
    private static int trimmedEnd(String text, int start, int end) {
        while (end > start && Set.of('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"').contains(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static void all(Pattern p, String text, Kind kind, List<Finding> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(Finding.redact(m.start(), m.end(), kind));
        }
    }

    private static void group(Pattern p, String text, Kind kind, List<Finding> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(Finding.redact(m.start(1), m.end(1), kind));
        }
    }
}
