package dev.statcallouts.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ContrastTest {

    private static int[] rgb(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace("#", ""));
        return new int[] {bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff};
    }

    @Test
    void blackOnWhiteIsTwentyOneToOne() {
        assertThat(Contrast.ratio(rgb("000000"), rgb("ffffff")))
                .isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aReadableAccentIsKeptAsItIs() {
        assertThat(Contrast.readable("b0122b", "ffffff")).isEqualTo("#b0122b");
    }

    @Test
    void aPaleAccentIsDarkenedOnLightAndAPaleOneKeptOnDark() {
        String onLight = Contrast.readable("ffee55", "ffffff");
        assertThat(Contrast.ratio(rgb(onLight), rgb("ffffff"))).isGreaterThanOrEqualTo(Contrast.MINIMUM);
        assertThat(Contrast.readable("ffee55", "111111")).isEqualTo("#ffee55");
    }

    @Test
    void aDarkAccentIsLightenedOnDark() {
        String onDark = Contrast.readable("101060", "111111");
        assertThat(Contrast.ratio(rgb(onDark), rgb("111111"))).isGreaterThanOrEqualTo(Contrast.MINIMUM);
    }
}
