package org.mitreden.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against the test vectors of RFC 5869, appendix A (the first 32 bytes of each output). */
class HkdfTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    @Test
    void basicTestCase() {
        byte[] prk = Hkdf.extract(hex("000102030405060708090a0b0c"), hex("0b".repeat(22)));
        assertThat(HexFormat.of().formatHex(prk))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 32)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void emptySaltAndInfo() {
        byte[] prk = Hkdf.extract(new byte[0], hex("0b".repeat(22)));
        assertThat(HexFormat.of().formatHex(prk))
                .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, new byte[0], 32)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
        assertThat(HexFormat.of().formatHex(Hkdf.expand(prk, new byte[0], 16)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31");
    }

    @Test
    void longerOutputsThanOneBlockAreRefused() {
        assertThatThrownBy(() -> Hkdf.expand(new byte[32], new byte[0], 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.expand(new byte[32], new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
