package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phone numbers as people write them in the countries whose languages a wish may be written in, and
 * the figures next to them that must stay. The formats follow each country's numbering plan as
 * libphonenumber knows it, written the ways that are usual there (trunk prefix, brackets, hyphens,
 * dots, slashes, spaces, with and without country code).
 */
class PhoneNumbersTest {

    private final TextScrubber scrubber = new TextScrubber();

    private void assertOneNumber(String number) {
        ScrubResult result = scrubber.scrub("Tel.: " + number + " (abends)");
        assertThat(result.text()).as(number).isEqualTo("Tel.: [TELEFON] (abends)");
        assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 1));
    }

    private void assertUntouched(String text) {
        ScrubResult result = scrubber.scrub(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.redactions()).isEmpty();
    }

    @Nested
    class SideBySide {

        @Test
        void findsTwoMobileNumbersInARow() {
            ScrubResult result = scrubber.scrub("Nummern: 0176 1234567 0176 7654321");
            assertThat(result.text()).isEqualTo("Nummern: [TELEFON] [TELEFON]");
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 2));
        }

        @Test
        void findsMobileAndLandlineInARow() {
            ScrubResult result = scrubber.scrub("0176 1234567 02381 123456");
            assertThat(result.text()).isEqualTo("[TELEFON] [TELEFON]");
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 2));
        }

        @Test
        void findsEveryNumberOfARepeatedRun() {
            ScrubResult result = scrubber.scrub("0176 1234567 ext. ".repeat(5));
            assertThat(result.text()).isEqualTo("[TELEFON] ext. ".repeat(5));
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 5));
        }

        @Test
        void findsNumbersOfDifferentCountriesInOneRun() {
            ScrubResult result = scrubber.scrub("0176-12345678 / 8 (912) 345-67-89 / 0532 123 45 67");
            assertThat(result.text()).isEqualTo("[TELEFON] / [TELEFON] / [TELEFON]");
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 3));
        }

        @Test
        void keepsPostcodeBeforeNumber() {
            ScrubResult result = scrubber.scrub("59065 02381 123456");
            assertThat(result.text()).isEqualTo("59065 [TELEFON]");
        }

        @Test
        void findsNumberAfterDateInOneRun() {
            ScrubResult result = scrubber.scrub("Am 14.10.2026 0176 12345678 anrufen");
            assertThat(result.text()).isEqualTo("Am 14.10.2026 [TELEFON] anrufen");
        }

        @Test
        void prefersTheSplitThatCoversMoreDigits() {
            // "02381 1234 02381" alone is a valid German number too; it would leave "123456" behind.
            ScrubResult result = scrubber.scrub("02381 1234 02381 123456");
            assertThat(result.text()).isEqualTo("[TELEFON] [TELEFON]");
        }

        @Test
        void prefersTwoNumbersToOneLongNumberOfAsManyDigits() {
            // "089 838275 030 4933" is also one valid (Munich) number, but people write two.
            ScrubResult result = scrubber.scrub("089 838275 030 4933");
            assertThat(result.text()).isEqualTo("[TELEFON] [TELEFON]");
            assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.PHONE, 2));
        }

        @Test
        void findsInternationalNumberAfterNationalOne() {
            ScrubResult result = scrubber.scrub("0176 1234567 +49 176 7654321");
            assertThat(result.text()).isEqualTo("[TELEFON] [TELEFON]");
        }
    }

    @Nested
    class Germany {

        @ParameterizedTest
        @ValueSource(strings = {
            "0176 12345678", "0176-12345678", "0176 - 123 456 78", "0176-123 456 78", "0176 / 123 456 78",
            "0176/1234 5678", "(0176) 12345678", "0176.12345678", "0176 12 34 56 78", "0176-12-34-56-78",
            "02381 123456", "02381/123456", "02381-12 34 56", "(02381) 92 13-0", "0231/12.34.56",
            "030 12345678", "(030) 1234567", "+49 176 12345678", "+49 (0)176 12345678", "(+49) 176 12345678",
            "+49-176-1234-5678", "0049 176 12345678", "0049 (0) 176 1234 5678", "49 176 12345678",
            // The shortest and the longest numbers looked for: 6 and 18 digits.
            "030 514", "0049 (0) 30 23456789012",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }
    }

    @Nested
    class Ukraine {

        @ParameterizedTest
        @ValueSource(strings = {
            "067 123 45 67", "(067) 123-45-67", "067-123-45-67", "0671234567", "044 123 4567",
            "+380 67 123 4567", "+38 (067) 123-45-67", "+380671234567", "380671234567", "00380 67 123 45 67",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Оренда 15 000 грн на місяць, з 01.10.2026.",
            "Я чекаю з 14.10.2026, вже 3 тижні.",
            "Допомога 3 500 гривень, індекс 04053.",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Russia {

        @ParameterizedTest
        @ValueSource(strings = {
            "8 (912) 345-67-89", "8 912 345 67 89", "8-912-345-67-89", "89123456789", "8 (495) 123-45-67",
            "+7 (912) 345-67-89", "+7 912 3456789", "912 345-67-89", "(912) 345-67-89",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Зарплата 150 000 руб. в месяц.",
            "Стоимость 12 500 ₽, срок до 2026-10-14.",
            "Приём с 9.00 до 12.30, кабинет 214.",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Turkey {

        @ParameterizedTest
        @ValueSource(strings = {
            "0532 123 45 67", "0 (532) 123 45 67", "(0532) 123 4567", "0532-123-45-67", "0 532 123 4567",
            "0212 123 45 67", "532 123 45 67", "+90 532 123 45 67", "0090 532 123 45 67",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Kira 12.500 TL oldu, 01.11.2026 tarihinden beri.",
            "Randevu saat 14:30, oda 12.",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class ArabCountries {

        @ParameterizedTest
        @ValueSource(strings = {
            // Syria
            "0944 123 456", "0944-123-456", "011 223 4567", "+963 944 123 456",
            // Iraq
            "0770 123 4567", "07701234567", "+964 770 123 4567",
            // Egypt
            "010 1234 5678", "01012345678", "+20 10 1234 5678",
            // Saudi Arabia
            "050 123 4567", "0501234567", "+966 50 123 4567",
            // Lebanon, Jordan, Morocco
            "03 123 456", "079 123 4567", "0612-345678",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @Test
        void replacesNumberInArabicDigitsAndText() {
            ScrubResult result = scrubber.scrub("رقمي ٠٩٤٤ ١٢٣ ٤٥٦ شكرا");
            assertThat(result.text()).isEqualTo("رقمي [TELEFON] شكرا");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "المبلغ ١٢٥٠ € شهريا",
            "موعد ١٢.٠٣.٢٠٢٦ الساعة ١٠:٣٠",
            "الإيجار 1500 ريال منذ 2019",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class BritainAndUnitedStates {

        @ParameterizedTest
        @ValueSource(strings = {
            "07700 900123", "07911 123456", "07911-123456", "020 7946 0018", "(020) 7946 0958",
            "0161 496 0000", "+44 7700 900123", "+44 (0)7911 123456",
            "(212) 555-0123", "212-555-0123", "212.555.0123", "+1 212 555 0123", "1-212-555-0123",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "I pay £1,250 a month since 10/14/2026.",
            "Open 9.30-16.00, room 12, 3 children.",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class PolandRomaniaBulgaria {

        @ParameterizedTest
        @ValueSource(strings = {
            "512 345 678", "512-345-678", "22 123 45 67", "(22) 123 45 67", "+48 512 345 678",
            "0721 234 567", "0721-234-567", "021 123 4567", "+40 721 234 567",
            "088 123 4567", "0888 123 456", "02 123 4567", "+359 88 123 4567",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Czynsz 1 200 zł od 01.10.2026.",
            "Chiria 1.500 lei, din 2019.",
            "Наем 800 лв от 14.10.2026.",
        })
        void keepsFigures(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class IranAndAfghanistan {

        @ParameterizedTest
        @ValueSource(strings = {
            "0912 345 6789", "0912-345-6789", "021 1234 5678", "+98 912 345 6789",
            "070 123 4567", "0701234567", "+93 70 123 4567",
        })
        void replacesNumber(String number) {
            assertOneNumber(number);
        }

        @Test
        void replacesNumberInPersianDigits() {
            ScrubResult result = scrubber.scrub("شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است");
            assertThat(result.text()).isEqualTo("شماره من [TELEFON] است");
        }
    }

    @Nested
    class NotPhoneNumbers {

        @ParameterizedTest
        @ValueSource(strings = {
            "Termin am 14.10.2026 wurde verschoben.",
            "Termin am 2026-10-14 wurde verschoben.",
            "Termin am 14/10/2026 wurde verschoben.",
            "Termine am 02.03.2026, 03.03.2026 und 04.03.2026.",
            "Von 01.01.2025-31.12.2025 kein Geld.",
            "Es kostet 1.234,56 € im Monat.",
            "Die Kosten: 1.234.567,89 EUR, davon 1.234.567 gezahlt.",
            "Die Nachzahlung betrug 12.345.678 Euro.",
            "Nachzahlung von Euro 0201123456 erwartet.",
            "Ich wohne in 59065 Hamm, PLZ 59065, 44135 Dortmund.",
            "Ich bin seit 2019 arbeitslos, also 2019 2020 2021 2022 2023.",
            "Zeitraum 2019-2026 und 2020/2021.",
            "Sprechzeiten 08.00-12.00 Uhr und 14:00-16:30 Uhr.",
            "Öffnungszeiten 8.00 - 12.00 und 13.30 - 15.30.",
            "Ich habe 3 Kinder, 5 und 7 und 12 Jahre alt.",
            "Termin 12.3.26 um 9.30 Uhr, Seite 12-15, Raum 2.14.",
            "Ich habe 1200 Euro und 800 Euro Schulden, 12345 Einwohner.",
            "Bu konuda az bilgi 123456 kişiye verildi.",
            // Starts with the German country code, but is too short to be a number written with it.
            "Artikelnummer 491644 bestellt, 030 51 Stück.",
            "Termin am 14.10.2026",
            // Ids and codes: hyphenated hex, digits glued to letters before or after.
            "Gerät 12345678-0123-4567-8901-234567890123 und 3f1c9b0e-1234-5678-9012-5b6d7e8f9a01 kaputt",
            "Vorgang AB017612345678, Code 017612345678CD, A0176 12345678.",
        })
        void keepsText(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Parts {

        @ParameterizedTest
        @ValueSource(strings = {" ", "-", " - ", " / ", ".", ") ", " (", ") - ", "  "})
        void joinsGroupsAcrossSeparatorsOfOneNumber(String joiner) {
            String text = "1" + joiner + "2";
            assertThat(PhoneNumbers.isJoiner(text, 1, 1 + joiner.length())).as(joiner).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"     ", "--", "-.", "((", "))", ", ", ":", "a", "#", " - - "})
        void doesNotJoinGroupsAcrossOtherCharacters(String joiner) {
            String text = "1" + joiner + "2";
            assertThat(PhoneNumbers.isJoiner(text, 1, 1 + joiner.length())).as(joiner).isFalse();
        }

        @Test
        void candidateTakesPlusAndBracketsRightBeforeIt() {
            assertThat(PhoneNumbers.candidate("x(+49) 1", 3, 5)).isEqualTo(new Span(1, 6));
            assertThat(PhoneNumbers.candidate("x+(49) 1", 3, 5)).isEqualTo(new Span(1, 6));
            assertThat(PhoneNumbers.candidate("+49", 1, 3)).isEqualTo(new Span(0, 3));
            assertThat(PhoneNumbers.candidate("((+49", 3, 5)).isEqualTo(new Span(1, 5));
        }

        @Test
        void candidateTakesClosingBracketOnlyWhenItClosesOneInside() {
            assertThat(PhoneNumbers.candidate("(030)", 1, 4)).isEqualTo(new Span(0, 5));
            assertThat(PhoneNumbers.candidate("030)", 0, 3)).isEqualTo(new Span(0, 3));
            assertThat(PhoneNumbers.candidate("(0) 30)", 4, 6)).isEqualTo(new Span(4, 6));
            assertThat(PhoneNumbers.candidate("(0) 30", 1, 6)).isEqualTo(new Span(0, 6));
            assertThat(PhoneNumbers.candidate("(0) 30)", 1, 6)).as("the last bracket inside is closed")
                    .isEqualTo(new Span(0, 6));
        }

        @Test
        void internationalNumbersNeedAPossibleLengthForTheirCountry() {
            assertThat(PhoneNumbers.isNumber("+447700900123")).isTrue();
            assertThat(PhoneNumbers.isNumber("+4477009001234567")).isFalse();
            assertThat(PhoneNumbers.isNumber("+0491761234567")).isFalse();
            assertThat(PhoneNumbers.isNumber("+")).isFalse();
            assertThat(PhoneNumbers.isNumber("+4")).isFalse();
            assertThat(PhoneNumbers.isNumber("+999123456")).isFalse();
        }

        @Test
        void nationalNumbersNeedTheTrunkPrefixWhereItIsNotOptional() {
            assertThat(PhoneNumbers.isNumber("017612345678")).isTrue();
            assertThat(PhoneNumbers.isNumber("17612345678")).as("German mobile without its 0").isFalse();
            assertThat(PhoneNumbers.isNumber("0944123456")).as("Syrian").isTrue();
            assertThat(PhoneNumbers.isNumber("12345678")).as("8 digits, valid in Syria only without its 0").isFalse();
            assertThat(PhoneNumbers.isNumber("5321234567")).as("Turkish without its 0").isTrue();
            assertThat(PhoneNumbers.isNumber("9123456789")).as("Russian without its 8").isTrue();
            assertThat(PhoneNumbers.isNumber("512345678")).as("Polish").isTrue();
        }

        @Test
        void regionsKnowTheirTrunkPrefix() {
            assertThat(PhoneNumbers.Region.of("DE"))
                    .isEqualTo(new PhoneNumbers.Region("DE", 49, "0", false));
            assertThat(PhoneNumbers.Region.of("PL"))
                    .isEqualTo(new PhoneNumbers.Region("PL", 48, null, true));
            assertThat(PhoneNumbers.Region.of("RU"))
                    .isEqualTo(new PhoneNumbers.Region("RU", 7, "8", true));
        }

        @Test
        void numbersWithCountryCodeButNoPlusNeedElevenDigits() {
            PhoneNumbers.Region poland = PhoneNumbers.Region.of("PL");
            assertThat(poland.isValid("48512345678")).isTrue();
            PhoneNumbers.Region germany = PhoneNumbers.Region.of("DE");
            assertThat(germany.isValid("4930123456")).as("10 digits").isFalse();
            assertThat(germany.isValid("03012345")).isTrue();
        }
    }
}
