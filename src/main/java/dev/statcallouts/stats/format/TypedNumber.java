package dev.statcallouts.stats.format;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as an editor types it, in the figure's language: "4.1 trillion", "4,100,000,000,000",
 * "4 100 000 000 000", "4,1 Billionen", "¥4.1tn", "4.1兆", "1兆2000億", "65%". Gives the exact
 * decimal it stands for, or says why it cannot tell: input that could mean two numbers is refused,
 * never guessed ("4,1" in an English figure; "billion" in a figure that is neither English nor
 * French, German or Spanish, where the word means 10⁹ in one and 10¹² in the others).
 *
 * <p>Hand-made: ICU and {@code java.text} parse one locale's digits but neither scale words
 * ("Mrd.", "兆") nor the refusal of ambiguous separators that a newsroom needs.
 */
public final class TypedNumber {

    /** What was typed, understood: the exact value, or the reason it could not be. */
    public sealed interface Reading permits Understood, Refused {}

    public record Understood(BigDecimal value) implements Reading {}

    public record Refused(String reason) implements Reading {}

    /** Powers of ten that scale words stand for, per language where they differ. */
    private static final Map<String, Map<String, Integer>> WORDS = Map.ofEntries(
            Map.entry("k", Map.of("*", 3)),
            Map.entry("thousand", Map.of("*", 3)),
            Map.entry("thousands", Map.of("*", 3)),
            Map.entry("m", Map.of("*", 6)),
            Map.entry("mn", Map.of("*", 6)),
            Map.entry("million", Map.of("*", 6)),
            Map.entry("millions", Map.of("*", 6)),
            Map.entry("b", Map.of("*", 9)),
            Map.entry("bn", Map.of("*", 9)),
            Map.entry("billion", Map.of("en", 9, "de", 12, "fr", 12, "es", 12)),
            Map.entry("billions", Map.of("en", 9, "fr", 12)),
            Map.entry("t", Map.of("*", 12)),
            Map.entry("tn", Map.of("*", 12)),
            Map.entry("trillion", Map.of("en", 12, "de", 18, "fr", 18, "es", 18)),
            Map.entry("trillions", Map.of("en", 12, "fr", 18)),
            // German
            Map.entry("tsd", Map.of("*", 3)),
            Map.entry("tausend", Map.of("*", 3)),
            Map.entry("mio", Map.of("*", 6)),
            Map.entry("millionen", Map.of("*", 6)),
            Map.entry("mrd", Map.of("*", 9)),
            Map.entry("milliarde", Map.of("*", 9)),
            Map.entry("milliarden", Map.of("*", 9)),
            Map.entry("bio", Map.of("*", 12)),
            Map.entry("billionen", Map.of("*", 12)),
            // French
            Map.entry("mille", Map.of("*", 3)),
            Map.entry("md", Map.of("*", 9)),
            Map.entry("mds", Map.of("*", 9)),
            Map.entry("milliard", Map.of("*", 9)),
            Map.entry("milliards", Map.of("*", 9)),
            // Spanish
            Map.entry("mil", Map.of("*", 3)),
            Map.entry("millón", Map.of("*", 6)),
            Map.entry("millon", Map.of("*", 6)),
            Map.entry("millones", Map.of("*", 6)),
            Map.entry("mil millones", Map.of("*", 9)),
            Map.entry("millardo", Map.of("*", 9)),
            Map.entry("millardos", Map.of("*", 9)),
            Map.entry("billón", Map.of("*", 12)),
            Map.entry("billones", Map.of("*", 12)));

    /** The language a word gives away, where only one writes it: its separators are that language's. */
    private static final Map<String, String> WORD_LANGUAGE = Map.ofEntries(
            Map.entry("thousand", "en"),
            Map.entry("thousands", "en"),
            Map.entry("bn", "en"),
            Map.entry("tn", "en"),
            Map.entry("tsd", "de"),
            Map.entry("tausend", "de"),
            Map.entry("mio", "de"),
            Map.entry("millionen", "de"),
            Map.entry("mrd", "de"),
            Map.entry("milliarde", "de"),
            Map.entry("milliarden", "de"),
            Map.entry("billionen", "de"),
            Map.entry("milliard", "fr"),
            Map.entry("milliards", "fr"),
            Map.entry("md", "fr"),
            Map.entry("mds", "fr"),
            Map.entry("millón", "es"),
            Map.entry("millones", "es"),
            Map.entry("mil millones", "es"),
            Map.entry("billón", "es"),
            Map.entry("billones", "es"));

    private static final Map<Character, Integer> KANJI = Map.of('千', 3, '万', 4, '億', 8, '兆', 12);

    private static final Pattern CURRENCY = Pattern.compile(
            "^(?:US\\$|JP¥|[A-Z]{3}\\s?|[$€£¥￥₩₹])\\s*|\\s*(?:\\s[A-Z]{3}|[$€£¥￥₩₹]|円|ドル|ユーロ|US-Dollar|Dollar|Euro|Yen|dollars?|euros?|d['’]euros|de euros|de dólares)$");
    private static final Pattern WORDED =
            Pattern.compile("^([-+]?[0-9][0-9.,'’ \\u00A0\\u202F]*)\\s*([\\p{L} .]*?)\\.?$");
    private static final Pattern SCIENTIFIC = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?[eE][-+]?[0-9]{1,3}");
    private static final Pattern KANJI_PART = Pattern.compile("([0-9][0-9.,]*)([千万億兆]?)");

    private TypedNumber() {}

    /** Reads {@code typed} as written in {@code language} (the figure's language). */
    public static Reading read(String typed, Locale language) {
        String lang = language == null ? "en" : language.getLanguage();
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replace('\u2212', '-')
                .strip();
        // NFKC turns the no-break spaces into plain ones; the separators below treat them alike.
        text = stripCurrency(text);
        text = text.replace("_", "");
        if (SCIENTIFIC.matcher(text).matches()) {
            return new Understood(normalize(new BigDecimal(text)));
        }
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return new Refused("type a number, such as 920000000000 or 920 billion");
        }
        if (text.chars().anyMatch(c -> KANJI.containsKey((char) c))) {
            return kanji(text, lang);
        }
        Matcher m = WORDED.matcher(text);
        if (!m.matches()) {
            return new Refused("“" + typed.strip() + "” is not a number; type it as 920000000000 or 920 billion");
        }
        String word = m.group(2).strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        int exponent = 0;
        String separators = lang;
        if (!word.isEmpty()) {
            Map<String, Integer> meanings = WORDS.get(word);
            if (meanings == null) {
                return new Refused("“" + m.group(2).strip() + "” is not a scale we know; use thousand, million, "
                        + "billion, trillion (or k, m, bn, tn), Mio., Mrd., 万, 億, 兆…");
            }
            Integer power = meanings.containsKey("*") ? meanings.get("*") : meanings.get(lang);
            if (power == null) {
                return new Refused("“" + word + "” means 10^" + meanings.get("en") + " in English but 10^"
                        + meanings.get("fr") + " in French, German and Spanish; type the number in full or use "
                        + "bn / Mrd. / tn");
            }
            exponent = power;
            separators = WORD_LANGUAGE.getOrDefault(word, lang);
        }
        Optional<BigDecimal> number = digits(m.group(1).strip(), separators);
        if (number.isEmpty()) {
            return new Refused(ambiguity(m.group(1).strip(), separators));
        }
        return new Understood(normalize(number.get().scaleByPowerOfTen(exponent)));
    }

    /** Japanese: a number with 兆, 億, 万 or 千, or several in falling order ("1兆2000億"). */
    private static Reading kanji(String text, String lang) {
        Matcher m = KANJI_PART.matcher(text.replace(" ", ""));
        BigDecimal total = BigDecimal.ZERO;
        int end = 0;
        int last = Integer.MAX_VALUE;
        while (m.find()) {
            if (m.start() != end) {
                return new Refused("“" + text + "” is not a number in 兆, 億 and 万");
            }
            end = m.end();
            int power = m.group(2).isEmpty() ? 0 : KANJI.get(m.group(2).charAt(0));
            if (power >= last) {
                return new Refused("write the larger unit first, as in 1兆2000億");
            }
            last = power;
            Optional<BigDecimal> part = digits(m.group(1), "ja");
            if (part.isEmpty()) {
                return new Refused(ambiguity(m.group(1), "ja"));
            }
            total = total.add(part.get().scaleByPowerOfTen(power));
        }
        if (end != text.replace(" ", "").length()) {
            return new Refused("“" + text + "” is not a number in 兆, 億 and 万");
        }
        return new Understood(normalize(total));
    }

    /**
     * The digits with their separators read as {@code lang} writes them, or empty when they could
     * be read two ways (or not at all).
     */
    private static Optional<BigDecimal> digits(String raw, String lang) {
        boolean commaDecimal = List.of("de", "fr", "es", "it", "pt", "nl").contains(lang);
        String text = raw.replace('’', '\'').replaceAll("[ \\u00A0\\u202F']", " ");
        boolean negative = text.startsWith("-");
        if (negative || text.startsWith("+")) {
            text = text.substring(1).strip();
        }
        int dots = count(text, '.');
        int commas = count(text, ',');
        String decimal;
        String group;
        if (dots > 0 && commas > 0) {
            // Both: the last one is the decimal mark, the other groups ("1,234.5", "1.234,5").
            decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? "." : ",";
            group = decimal.equals(".") ? "," : ".";
        } else if (dots + commas == 0) {
            decimal = null;
            group = null;
        } else {
            String mark = dots > 0 ? "." : ",";
            int marks = Math.max(dots, commas);
            boolean languageDecimal = mark.equals(commaDecimal ? "," : ".");
            if (marks == 1 && languageDecimal) {
                decimal = mark;
                group = null;
            } else if (groupsOfThree(text, mark)) {
                decimal = null;
                group = mark;
            } else {
                return Optional.empty();
            }
        }
        if (group != null
                && !groupsOfThree(
                        text.substring(0, decimal == null ? text.length() : text.lastIndexOf(decimal)), group)) {
            return Optional.empty();
        }
        if (text.contains(" ")
                && !groupsOfThree(
                        text.substring(0, decimal == null ? text.length() : text.lastIndexOf(decimal)), " ")) {
            return Optional.empty();
        }
        String plain = text.replace(" ", "");
        if (group != null) {
            plain = plain.replace(group, "");
        }
        if (decimal != null) {
            plain = plain.replace(decimal, ".");
        }
        if (!plain.matches("[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return Optional.of(negative ? value.negate() : value);
    }

    /** Whether {@code mark} splits the whole part into groups of exactly three after the first. */
    private static boolean groupsOfThree(String whole, String mark) {
        String[] groups = whole.split(Pattern.quote(mark), -1);
        if (groups.length < 2 || groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static String ambiguity(String digits, String lang) {
        boolean commaDecimal = List.of("de", "fr", "es", "it", "pt", "nl").contains(lang);
        return "“" + digits + "” could be read two ways; in this figure's language the decimal mark is "
                + (commaDecimal ? "a comma (4,1)" : "a point (4.1)") + " and thousands are grouped by three ("
                + (commaDecimal ? "4.100.000 or 4 100 000" : "4,100,000") + ")";
    }

    private static String stripCurrency(String text) {
        String before;
        do {
            before = text;
            text = CURRENCY.matcher(text).replaceAll("").strip();
        } while (!text.equals(before));
        return text;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
