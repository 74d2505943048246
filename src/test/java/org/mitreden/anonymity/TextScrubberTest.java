package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextScrubberTest {

    private final TextScrubber scrubber = new TextScrubber();

    private void assertScrubbed(String input, String expected, RedactionKind kind) {
        ScrubResult result = scrubber.scrub(input);
        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.redactions()).isEqualTo(Map.of(kind, 1));
    }

    private void assertUntouched(String input) {
        ScrubResult result = scrubber.scrub(input);
        assertThat(result.text()).isEqualTo(input);
        assertThat(result.redactions()).isEmpty();
    }

    @Nested
    class Iban {

        @ParameterizedTest
        @ValueSource(strings = {
            "DE89 3704 0044 0532 0130 00",
            "DE89370400440532013000",
            "de89370400440532013000",
            "de89 3704 0044 0532 0130 00",
            "AT61 1904 3002 3457 3201",
            "NL91ABNA0417164300",
            "GB29 NWBK 6016 1331 9268 19",
            "DE89-3704-0044-0532-0130-00",
            "de89-3704-0044-0532-0130-00",
            "DE89.3704.0044.0532.0130.00",
            "DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000",
            "DE89\u202F3704\u202F0044\u202F0532\u202F0130\u202F00",
            "DE89\u20133704\u20130044\u20130532\u20130130\u201300",
            "AT61-1904-3002-3457-3201",
            "ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００",
            "DE89 3704\u200B0044 0532 0130 00",
        })
        void replacesChecksumValidIban(String iban) {
            assertScrubbed("Bitte an " + iban + " überweisen.", "Bitte an [IBAN] überweisen.", RedactionKind.IBAN);
        }

        @Test
        void replacesIbanAtTheEndOfTheText() {
            assertScrubbed("Konto: DE89370400440532013000", "Konto: [IBAN]", RedactionKind.IBAN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Konto DE89 3704", "Konto DE89 3704 ", "Konto DE89 3704-", "Referenz QQ12ABCD"})
        void keepsIbanCutShortOrOfNoCountry(String text) {
            assertUntouched(text);
        }

        @Test
        void stopsSpacedIbanAtItsCountryLength() {
            assertScrubbed("IBAN DE89 3704 0044 0532 0130 00 12 Monate lang",
                    "IBAN [IBAN] 12 Monate lang", RedactionKind.IBAN);
        }

        @Test
        void keepsIbanWithInvalidChecksum() {
            ScrubResult result = scrubber.scrub("IBAN DE00 3704 0044 0532 0130 00");
            assertThat(result.redactions()).doesNotContainKey(RedactionKind.IBAN);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "IBAN DE00-3704-0044-0532-0130-00",
            "IBAN DE12-3456-7890-1234-5678-90",
            "IBAN DE00.3704.0044.0532.0130.00",
            "IBAN ＤＥ００ ３７０４ ００４４ ０５３２ ０１３０ ００",
        })
        void keepsSeparatedOrLookAlikeIbanWithInvalidChecksum(String text) {
            ScrubResult result = scrubber.scrub(text);
            assertThat(result.redactions()).doesNotContainKey(RedactionKind.IBAN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Code DE89370400440532013000XYZ", "Code DE89-3704-0044-0532-0130-00XYZ"})
        void keepsIbanGluedToMoreCharacters(String text) {
            ScrubResult result = scrubber.scrub(text);
            assertThat(result.redactions()).doesNotContainKey(RedactionKind.IBAN);
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {
            "max.mustermann@web.de",
            "max.mustermann (at) web.de",
            "max.mustermann(at)web.de",
            "max[at]web.de",
            "max [AT] web [dot] de",
            "max{at}web(punkt)de",
            "name@sub.domain.de",
            "Max.Mustermann+jobcenter@example.com",
            "jürgen.müller@gmx.de",
            "öztürk_ayşe@mail.com.tr",
            "олена@ukr.net",
            "max.mustermann＠example.de",
            "max.mustermann﹫example.de",
            "max.mustermann@example．de",
            "max.mustermann@example。de",
            "ｍａｘ＠ｗｅｂ．ｄｅ",
            "max.mus\u200Btermann@web.de",
            "max\u00ADmustermann@web.de",
            "ju\u0308rgen.mu\u0308ller@gmx.de",
        })
        void replacesAddressAndObfuscatedAddress(String address) {
            assertScrubbed("Schreiben Sie mir: " + address + ". Danke",
                    "Schreiben Sie mir: [E-MAIL]. Danke", RedactionKind.EMAIL);
        }

        @Test
        void replacesAddressAtStartOfText() {
            assertScrubbed(" name@sub.domain.de", " [E-MAIL]", RedactionKind.EMAIL);
        }

        @Test
        void keepsTextAroundLookAlikeAddressAsWritten() {
            assertScrubbed("Ｈａｌｌｏ！ max＠web.de。", "Ｈａｌｌｏ！ [E-MAIL]。", RedactionKind.EMAIL);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Auf arbeitsagentur.de steht nichts, @jobcenter hat nicht geantwortet.",
            "Auf ａｒｂｅｉｔｓａｇｅｎｔｕｒ．ｄｅ steht nichts, ＠jobcenter hat nicht geantwortet.",
        })
        void keepsWebsiteAndHandleWithoutDomain(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class CustomerNumber {

        @ParameterizedTest
        @ValueSource(strings = {
            "123A456789", "123 A 456789", "123a456789", "12345BG1234567", "12345 BG 1234567",
            "123-A-456789", "123.A.456789", "12345-BG-1234567", "12345\u2013BG\u20131234567",
            "１２３Ａ４５６７８９", "１２３４５ＢＧ１２３４５６７",
        })
        void replacesNumberByItsShape(String number) {
            assertScrubbed("Es geht um " + number + ", bitte prüfen.",
                    "Es geht um [KUNDENNUMMER], bitte prüfen.", RedactionKind.CUSTOMER_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Kundennummer 987654321",
            "Kundennummer: 987654321",
            "kundennummer:987654321",
            "Kunden-Nr. 98765X4321",
            "Kunden-Nummer 987654",
            "Kd.-Nr.: 4711081",
            "Kd.Nr. 4711081",
            "Kundennr 1234567",
            "KUNDENNR. 1234567",
            "BG-Nummer 7654321",
            "BG-Nr. 12345678",
            "BG Nr: 12345678",
            "Bedarfsgemeinschaftsnummer: 1234567",
            "Aktenzeichen 123-45/2024",
            "Aktenzeichen: ABC12345",
            "Az. 5578KL22",
            "AZ: 5578KL22",
            "Kundennummer ist 987654321",
            "Kundennummer lautet: 987654321",
            "Aktenzeichen Kz-4711",
        })
        void replacesOnlyNumberAfterKeyword(String keywordAndNumber) {
            ScrubResult result = scrubber.scrub("Meine " + keywordAndNumber + " bitte löschen.");
            String keyword = keywordAndNumber.replaceAll("[A-Za-z0-9/-]+$", "");
            assertThat(result.text()).isEqualTo("Meine " + keyword + "[KUNDENNUMMER] bitte löschen.");
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.CUSTOMER_NUMBER, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "987 654 321",
            "4711 081",
            "9 8 7 6 5 4 3 2 1 0",
            "987\u2013654\u2013321",
            "９８７６５４３２１",
            "９８７ ６５４ ３２１",
        })
        void replacesSpacedOrLookAlikeNumberAfterKeyword(String number) {
            assertScrubbed("Meine Kundennummer " + number + " bitte löschen.",
                    "Meine Kundennummer [KUNDENNUMMER] bitte löschen.", RedactionKind.CUSTOMER_NUMBER);
        }

        @Test
        void keepsShortNumberAfterLongNumberAfterKeyword() {
            assertScrubbed("Kundennummer 987654321 12 Monate gesperrt",
                    "Kundennummer [KUNDENNUMMER] 12 Monate gesperrt", RedactionKind.CUSTOMER_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Tabelle 123-A-45678 gilt.",
            "Artikel 123-a-4567890 gilt.",
            "Zeile 123--A--456789 gilt.",
        })
        void keepsNumbersOfOtherShapeWithSeparators(String text) {
            assertUntouched(text);
        }

        @Test
        void keepsKeywordTextWhenShapedNumberFollows() {
            assertScrubbed("Kundennummer 123 A 456789", "Kundennummer [KUNDENNUMMER]", RedactionKind.CUSTOMER_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Ich habe meine Kundennummer vergessen.",
            "Die BG-Nummer steht im Bescheid.",
            "Aktenzeichen 2024 wurde genannt.",
            "Az. 12 ist zu kurz.",
            "Az. 1-2-3-4-5 ist zu kurz.",
            "Bu konuda az bilgi 123456 kişiye verildi.",
        })
        void keepsKeywordWithoutIdentifier(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {
            "0176 12345678",
            "0176/12345678",
            "017612345678",
            "02381 123456",
            "(02381) 92 13-0",
            "+49 176 12345678",
            "+49 (0) 2381 123456",
            "0049 2381 123456",
            "+380 67 123 4567",
            "+90 532 123 45 67",
            "+7 912 345-67-89",
            "０１７６ １２３４５６７８",
            "＋４９ １７６ １２３４５６７８",
            "0176\u201312345678",
            "0176\u00A012345678",
            "0176\u200B12345678",
        })
        void replacesGermanAndInternationalNumbers(String number) {
            assertScrubbed("Rufen Sie mich an: " + number + " ab 9 Uhr.",
                    "Rufen Sie mich an: [TELEFON] ab 9 Uhr.", RedactionKind.PHONE);
        }

        @Test
        void replacesNumberWithCombiningMarksOnItsDigits() {
            // An underline (U+0332) or a keycap (U+20E3) on each digit must not hide the number.
            assertScrubbed("Tel. 0\u03321\u03327\u03326\u0332 12345678 danke", "Tel. [TELEFON] danke",
                    RedactionKind.PHONE);
            assertScrubbed("Tel. 0\u20E31\u20E37\u20E36\u20E3 12345678", "Tel. [TELEFON]", RedactionKind.PHONE);
        }

        @Test
        void keepsCyrillicTextAroundNumber() {
            assertScrubbed("Мій номер +380 67 123 4567, дякую!", "Мій номер [TELEFON], дякую!", RedactionKind.PHONE);
            assertScrubbed("Мой телефон +7 912 345-67-89.", "Мой телефон [TELEFON].", RedactionKind.PHONE);
        }

        @Test
        void keepsArabicTextAroundNumber() {
            assertScrubbed("رقم هاتفي 0176 12345678 شكرا جزيلا", "رقم هاتفي [TELEFON] شكرا جزيلا", RedactionKind.PHONE);
        }

        @Test
        void replacesNumberWrittenInArabicIndicDigits() {
            assertScrubbed("رقمي ٠١٧٦١٢٣٤٥٦٧٨ شكرا", "رقمي [TELEFON] شكرا", RedactionKind.PHONE);
        }

        @Test
        void replacesNumberWrittenInPersianDigits() {
            assertScrubbed("شماره من ۰۱۷۶۱۲۳۴۵۶۷۸ است", "شماره من [TELEFON] است", RedactionKind.PHONE);
        }

        @Test
        void keepsTurkishTextAroundNumber() {
            assertScrubbed("Telefonum +90 532 123 45 67, teşekkürler.", "Telefonum [TELEFON], teşekkürler.",
                    RedactionKind.PHONE);
        }
    }

    @Nested
    class NotPersonalData {

        @ParameterizedTest
        @ValueSource(strings = {
            "Termin am 12.03.2026 wurde verschoben.",
            // libphonenumber accepts these dates as valid German numbers; the scrubber must filter them.
            "Termin am 02.03.2026 wurde verschoben.",
            "Termin am 04.01.24 wurde verschoben.",
            "Termin am 16.4.24 wurde verschoben.",
            "Bescheid vom 05.02.2024 kam zu spät.",
            "Termin am 30.12.2025 wurde verschoben.",
            "Termin am 12.3.26 wurde verschoben.",
            "Termin am 2026-03-12 wurde verschoben.",
            "Termin am 3. Mai wurde verschoben.",
            "Von 01.01.2025 bis 31.12.2025 kein Geld.",
            "Termin um 14:30 Uhr, dann um 08:15 Uhr.",
            "Die Miete beträgt 563,00 € warm.",
            "Ich bekomme 1.250 Euro im Monat.",
            "Regelbedarf EUR 502 pro Monat.",
            "Nachzahlung von 12345678 € erwartet.",
            "Nachzahlung von EUR 12345678 erwartet.",
            // Digits that libphonenumber would take for a Berlin/Essen number, but a currency marks an amount.
            "Nachzahlung von 030123456 € erwartet.",
            "Nachzahlung von EUR 0201123456 erwartet.",
            "Ich wohne in 59065 Hamm.",
            "PLZ 59065, Hamm",
            "Ich bin seit 2019 arbeitslos.",
            "Die Sanktion war 30 % oder 10%.",
            "Ich habe 3 Kinder und warte in Zimmer 12.",
            "Nach § 22 SGB II und § 31a SGB II.",
            "Ich wünsche mir mehr Zeit im Gespräch und freundlichere Beratung.",
            "Bitte schneller antworten, ich warte seit 6 Wochen.",
            "Я хочу більше часу на консультацію.",
            "أريد مواعيد أكثر مرونة.",
            "Daha fazla zaman istiyorum, az bekledim.",
            "Хочу больше времени на консультацию.",
            // Look-alike digits, dashes and spaces are folded for detection, so the same filters apply.
            "Termin am １２.０３.２０２６ wurde verschoben.",
            "Nachzahlung von ０３０１２３４５６ € erwartet.",
            "Nachzahlung von 030\u00A0123456\u00A0€ erwartet.",
            "Ich bekomme 1.250\u202FEuro im Monat.",
            "Von 01.01.2025\u201331.12.2025 kein Geld.",
            "Von 2019 \u2013 2026 arbeitslos, 5\u201310 Termine.",
            "Termin am 2026\u201103\u201112 wurde verschoben.",
            "موعد ١٢.٠٣.٢٠٢٦ شكرا",
            "من ٢٠١٩ إلى ٢٠٢٦ بدون عمل",
            "المبلغ ١٢٥٠ € شهريا",
            "می\u200Cخواهم وقت بیشتری داشته باشم ۱۴۰۳",
            "Nach § 16i SGB II und § 31a SGB Ⅱ.",
            "Die Wohnung hat 60 m² und kostet ½ Miete.",
            "Ｈａｌｌｏ，ｉｃｈ ｍöｃｈｔｅ ｍｅｈｒ Ｚｅｉｔ。",
        })
        void keepsTextUnchanged(String text) {
            assertUntouched(text);
        }

        @Test
        void leavesMarkersAlone() {
            assertUntouched("Hier stehen [E-MAIL], [TELEFON], [IBAN] und Kundennummer [KUNDENNUMMER].");
        }

        @Test
        void scrubbingTwiceChangesNothingMore() {
            String once = scrubber.scrub("Kundennummer 123A456789, max@web.de, 0176 12345678,"
                    + " DE89 3704 0044 0532 0130 00").text();
            assertUntouched(once);
        }

        @Test
        void keepsEmptyText() {
            assertUntouched("");
        }
    }

    @Test
    void countsEachKindInMixedText() {
        String input = "Hallo, ich bin erreichbar unter max.mustermann@web.de oder anna (at) gmx.de, "
                + "Tel. 0176 12345678 oder +380 67 123 4567. Kundennummer 123A456789, BG 12345BG1234567, "
                + "Az. 55-778899. IBAN DE89 3704 0044 0532 0130 00. Termin am 12.03.2026 um 14:30 Uhr, 563,00 €.";
        ScrubResult result = scrubber.scrub(input);
        assertThat(result.text()).isEqualTo("Hallo, ich bin erreichbar unter [E-MAIL] oder [E-MAIL], "
                + "Tel. [TELEFON] oder [TELEFON]. Kundennummer [KUNDENNUMMER], BG [KUNDENNUMMER], "
                + "Az. [KUNDENNUMMER]. IBAN [IBAN]. Termin am 12.03.2026 um 14:30 Uhr, 563,00 €.");
        assertThat(result.redactions()).isEqualTo(Map.of(
                RedactionKind.EMAIL, 2,
                RedactionKind.PHONE, 2,
                RedactionKind.CUSTOMER_NUMBER, 3,
                RedactionKind.IBAN, 1));
    }

    @Test
    void redactionsAreReadOnly() {
        Map<RedactionKind, Integer> redactions = scrubber.scrub("max@web.de").redactions();
        assertThatThrownBy(() -> redactions.put(RedactionKind.PHONE, 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> scrubber.scrub(null)).isInstanceOf(NullPointerException.class);
    }
}
