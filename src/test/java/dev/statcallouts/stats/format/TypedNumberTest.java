package dev.statcallouts.stats.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as editors type them, in each figure language: the exact decimal, or a refusal. */
class TypedNumberTest {

    @ParameterizedTest(name = "[{0}] {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 920000000000           | 920000000000
            en | 920,000,000,000        | 920000000000
            en | 920 000 000 000        | 920000000000
            en | 4.1 trillion           | 4100000000000
            en | 4.1tn                  | 4100000000000
            en | ¥4.1tn                 | 4100000000000
            en | $204 billion           | 204000000000
            en | US$ 204bn              | 204000000000
            en | 204 bn USD             | 204000000000
            en | 1.2 million            | 1200000
            en | 65%                    | 65
            en | 0.65                   | 0.65
            en | 4,100                  | 4100
            en | 4.100                  | 4.1
            en | 12k                    | 12000
            en | -3.5                   | -3.5
            en | −3.5                   | -3.5
            en | 1,234.5                | 1234.5
            en | 9.2E11                 | 920000000000
            en | 1_000                  | 1000
            en | ４．１兆                 | 4100000000000
            de | 4,1 Billionen          | 4100000000000
            de | 4.100.000.000.000      | 4100000000000
            de | 4 100 000 000 000      | 4100000000000
            de | 920 Mrd. Yen           | 920000000000
            de | 920 Milliarden         | 920000000000
            de | 1,5 Mio.               | 1500000
            de | 3 Tsd.                 | 3000
            de | 4,1                    | 4.1
            de | 4.100                  | 4100
            de | 1.234,5                | 1234.5
            de | 2 Billion              | 2000000000000
            fr | 4 100 000 000 000      | 4100000000000
            fr | 4 100 000              | 4100000
            fr | 4,1 milliards          | 4100000000
            fr | 920 Md€                | 920000000000
            fr | 3,5 millions d'euros   | 3500000
            es | 3,5 millones de euros  | 3500000
            fr | 2 billions             | 2000000000000
            fr | 65 %                   | 65
            es | 4,1 billones           | 4100000000000
            es | 5 mil millones         | 5000000000
            es | 1,5 millones           | 1500000
            es | 920.000 millones       | 920000000000
            ja | 4.1兆                  | 4100000000000
            ja | 9200億円               | 920000000000
            ja | 1兆2000億              | 1200000000000
            ja | 1兆2,000億             | 1200000000000
            ja | 3万5000                | 35000
            ja | 4,100,000,000,000      | 4100000000000
            ja | 920 billion            | REFUSED
            en | 4,1                    | REFUSED
            en | 4,1 trillion           | REFUSED
            de | 4.1                    | REFUSED
            de | 4.1 Billionen          | REFUSED
            fr | 4.1                    | REFUSED
            en | 1,23,456               | REFUSED
            en | 12 apples              | REFUSED
            en | four                   | REFUSED
            ja | 2000億1兆              | REFUSED
            en | 1 000 00               | REFUSED
            """)
    void readsWhatEditorsType(String language, String typed, String expected) {
        TypedNumber.Reading reading = TypedNumber.read(typed, Locale.forLanguageTag(language));
        if (expected.equals("REFUSED")) {
            assertThat(reading).as("%s in %s", typed, language).isInstanceOf(TypedNumber.Refused.class);
            assertThat(((TypedNumber.Refused) reading).reason()).isNotBlank();
        } else {
            assertThat(reading)
                    .as("%s in %s", typed, language)
                    .isEqualTo(new TypedNumber.Understood(new BigDecimal(expected)));
        }
    }
}
