package org.mitreden.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names after a form of address in the six catalogue languages, and the same words where they are
 * ordinary nouns and must stay.
 */
class NamesTest {

    private final TextScrubber scrubber = new TextScrubber();

    private void assertNames(String input, String expected, int names) {
        ScrubResult result = scrubber.scrub(input);
        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.NAME, names));
    }

    private void assertUntouched(String text) {
        ScrubResult result = scrubber.scrub(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.redactions()).isEmpty();
    }

    @Nested
    class German {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Frau Müller hat mir sehr geholfen.|Frau [NAME] hat mir sehr geholfen.",
            "Herr Schmidt war unfreundlich.|Herr [NAME] war unfreundlich.",
            "Danke an Herrn Yılmaz!|Danke an Herrn [NAME]!",
            "Frau Dr. Müller hat zugehört.|Frau Dr. [NAME] hat zugehört.",
            "Herr Dr. med. Schmidt|Herr Dr. med. [NAME]",
            "Frau Müller-Lüdenscheidt ist toll.|Frau [NAME] ist toll.",
            "Frau Anna Müller hat angerufen.|Frau [NAME] hat angerufen.",
            "Frau K. hat mir geholfen.|Frau [NAME] hat mir geholfen.",
            "Fr. Öztürk und Hr. Nowak|Fr. [NAME] und Hr. [NAME]",
            "Fräulein Berger|Fräulein [NAME]",
            "Prof. Weber|Prof. [NAME]",
            "GRÜSSE AN FRAU MÜLLER|GRÜSSE AN FRAU [NAME]",
            "Die Frau Müller war nett.|Die Frau [NAME] war nett.",
            "Können Sie Herrn Müller Bescheid geben?|Können Sie Herrn [NAME] Bescheid geben?",
            "Frau Morgenstern kam am Abend.|Frau [NAME] kam am Abend.",
            "Frau Mu\u0308ller half.|Frau [NAME] half.",
            // Surnames with a particle, which is part of the name.
            "Herr von Bülow war gemein.|Herr [NAME] war gemein.",
            "Frau von der Leyen ist unfreundlich.|Frau [NAME] ist unfreundlich.",
            "Frau de Vries ist gemein.|Frau [NAME] ist gemein.",
            "Frau ten Brink ist gemein.|Frau [NAME] ist gemein.",
            "Bei Herrn van den Berg gewesen.|Bei Herrn [NAME] gewesen.",
            "Ich habe Frau Dr. von Arnim gefragt.|Ich habe Frau Dr. [NAME] gefragt.",
            "Herr al-Hassan hat übersetzt.|Herr [NAME] hat übersetzt.",
            "Danke, Herr el-Masri.|Danke, Herr [NAME].",
            // Neither a capitalised word nor a determiner in the sentence before makes it a noun.
            "Die Beraterin Frau von der Heide half.|Die Beraterin Frau [NAME] half.",
            "Ich fragte die. Frau de Vries half.|Ich fragte die. Frau [NAME] half.",
            // "an" is a preposition, not a determiner.
            "Ich habe einen Brief an Frau von der Heide geschrieben.|Ich habe einen Brief an Frau [NAME] geschrieben.",
            "Dank an Herrn van Dijk.|Dank an Herrn [NAME].",
            // A particle after the given name; a desk after the surname stays.
            "Frau Ursula von der Leyen war da.|Frau [NAME] war da.",
            "Herr Vincent van Gogh|Herr [NAME]",
            "Frau Müller von der Leistungsabteilung war nett.|Frau [NAME] von der Leistungsabteilung war nett.",
            // Fr and Hr without their dot, as people type them.
            "Fr Müller ist gemein, Hr Nowak nicht.|Fr [NAME] ist gemein, Hr [NAME] nicht.",
            "Danke an Fr Schulz.|Danke an Fr [NAME].",
        })
        void replacesNameAfterFormOfAddress(String input, String expected) {
            assertNames(input, expected, expected.split("\\[NAME]", -1).length - 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Die Frau am Empfang war unfreundlich.",
            "Der Berater war Herr der Lage.",
            "Ich komme mit Frau und Kind.",
            "Das war eine nette Frau.",
            "Eine Frau, die mir half.",
            "Herr, gib mir Geduld.",
            "Meine Frau arbeitet, mein Herr.",
            "Termine bitte Mo. bis Fr. Vormittag oder Fr. Nachmittags.",
            "Frauen und Herren haben gleiche Rechte, die Herrschaft der Frauenquote.",
            // A person named by their desk keeps the desk when a determiner shows "Frau" is a noun.
            "Die Frau von der Leistungsabteilung war nett.",
            "Danke an die nette Frau vom Empfang.",
            "Der Herr vom Arbeitgeberservice hat geholfen.",
            "Ich war bei einer Frau von der Schuldnerberatung.",
            "Mo bis Fr Vormittags, die HR Abteilung weiß es.",
            // Fr without its dot as Freitag.
            "Ich muss am Fr zum Jobcenter.",
            "Ich bin Mo-Fr zu Hause bei den Kindern.",
            "Ich arbeite Mo-Fr Teilzeit.",
            "Mo bis Fr Kinderbetreuung wäre gut.",
            "Geöffnet Mo Di Mi Do Fr Sa So.",
            "Am Fr Nacht war der Termin, Termin am Fr Früh. Ich komme Fr Montag.",
            // Phrases, not names: zu, zum, zur and vom are no particles; a desk is no family.
            "Ein Herr vom Jobcenter hat angerufen.",
            "Das Fräulein von der Post war nett.",
            "Ich ging zur Frau von Caritas.",
            "Die sehr nette Frau von Caritas half.",
            "Als Frau zu Hause mit drei Kindern ist es schwer.",
            "Mein Mann ist Herr zu Hause.",
            "Frau von der Arbeitsvermittlung und Herr von der Ausländerbehörde.",
            "Ich meine die „Frau von Caritas“.",
            "Der Frisör und die Frühschicht, Hrsg. Meier.",
        })
        void keepsOrdinaryNouns(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class English {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Mr Smith was kind.|Mr [NAME] was kind.",
            "Mr. Smith was kind.|Mr. [NAME] was kind.",
            "Mrs. Brown and Ms Jones helped.|Mrs. [NAME] and Ms [NAME] helped.",
            "Thanks to Miss Patel.|Thanks to Miss [NAME].",
            "Dr Khan and Dr. O'Neill|Dr [NAME] and Dr. [NAME]",
            "Thanks Mr Smith I was helped.|Thanks Mr [NAME] I was helped.",
            "Mx Taylor listened.|Mx [NAME] listened.",
            "Mr John Smith called.|Mr [NAME] called.",
            "Ms van der Berg and Mr de Souza|Ms [NAME] and Mr [NAME]",
        })
        void replacesNameAfterTitle(String input, String expected) {
            assertNames(input, expected, expected.split("\\[NAME]", -1).length - 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "I miss Christmas at home.",
            "I had a dr. appointment.",
            "The mrs said nothing, Mr.",
            "Mister nobody, ms. nobody.",
        })
        void keepsOrdinaryWords(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Ukrainian {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "пані Олена дуже допомогла.|пані [NAME] дуже допомогла.",
            "Пані Олена Петрівна була уважна.|Пані [NAME] була уважна.",
            "Дякую пану Петренку!|Дякую пану [NAME]!",
            "Я говорила з паном Коваленком.|Я говорила з паном [NAME].",
            "Прошу передати панові Шевченку.|Прошу передати панові [NAME].",
            "Пан Іваненко не відповідав.|Пан [NAME] не відповідав.",
        })
        void replacesNameAfterFormOfAddress(String input, String expected) {
            assertNames(input, expected, 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "пан директор був зайнятий.",
            "пані з реєстратури дуже допомогла.",
            "Панове, дякую за увагу.",
            "Панорама міста.",
        })
        void keepsOrdinaryWords(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Russian {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "господин Иванов помог.|господин [NAME] помог.",
            "Госпожа Иванова была вежлива.|Госпожа [NAME] была вежлива.",
            "Спасибо госпоже Петровой!|Спасибо госпоже [NAME]!",
            "Передайте господину Смирнову.|Передайте господину [NAME].",
            "Я говорил с госпожой Кузнецовой.|Я говорил с госпожой [NAME].",
            "г-н Сидоров и г-жа Сидорова|г-н [NAME] и г-жа [NAME]",
            "Спасибо, пани Наталья, ждать долго.|Спасибо, пани [NAME], ждать долго.",
            "Господин Иван Петров ответил.|Господин [NAME] ответил.",
        })
        void replacesNameAfterFormOfAddress(String input, String expected) {
            assertNames(input, expected, expected.split("\\[NAME]", -1).length - 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "господин начальник не ответил.",
            "госпожа из регистратуры была вежлива.",
            "Господа, спасибо.",
        })
        void keepsOrdinaryWords(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Turkish {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Ayşe Hanım çok yardımcı oldu.|[NAME] Hanım çok yardımcı oldu.",
            "Mehmet Bey ilgilendi.|[NAME] Bey ilgilendi.",
            "Teşekkürler Ayşe hanım!|Teşekkürler [NAME] hanım!",
            "Mehmet Bey'e teşekkürler.|[NAME] Bey'e teşekkürler.",
            "Ayşe Hanım'ın yardımı büyüktü.|[NAME] Hanım'ın yardımı büyüktü.",
            "Ayşe Hanımla konuştum.|[NAME] Hanımla konuştum.",
            "Elif hanımefendi nazikti.|[NAME] hanımefendi nazikti.",
            "İsmail Beyin desteği|[NAME] Beyin desteği",
            "AYŞE HANIM geldi.|[NAME] HANIM geldi.",
            "Bay Yılmaz ve Bayan Demir geldi.|Bay [NAME] ve Bayan [NAME] geldi.",
            "Sayın Öztürk cevap vermedi.|Sayın [NAME] cevap vermedi.",
            "Sayın Ayşe Hanım|Sayın [NAME] Hanım",
        })
        void replacesNameAroundFormOfAddress(String input, String expected) {
            assertNames(input, expected, expected.split("\\[NAME]", -1).length - 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Bir hanım bana yardım etti.",
            "Bu bey çok kibardı.",
            "Danışman hanım ilgilendi.",
            "Kar beyaz, hanımeli güzel.",
            // Decomposed "Şu" (S and a combining cedilla) is still the determiner, not a name.
            "S\u0327u hanım bana yardım etti.",
            "bay ve bayan tuvaleti yok.",
            "Bayram için teşekkürler.",
        })
        void keepsOrdinaryWords(String text) {
            assertUntouched(text);
        }
    }

    @Nested
    class Arabic {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "السيد أحمد ساعدني كثيرا|السيد [NAME] ساعدني كثيرا",
            "السيدة فاطمة كانت لطيفة|السيدة [NAME] كانت لطيفة",
            "شكرا للسيد محمود على المساعدة|شكرا للسيد [NAME] على المساعدة",
            "تحدثت مع السيد كريم والسيدة ليلى|تحدثت مع السيد [NAME] والسيدة [NAME]",
            "بالسيد عمر|بالسيد [NAME]",
            "الآنسة مريم|الآنسة [NAME]",
            "السيد عبد الله لم يرد|السيد [NAME] لم يرد",
            "السيدة أم محمد|السيدة [NAME]",
            "السيد Müller ساعدني|السيد [NAME] ساعدني",
        })
        void replacesWordAfterFormOfAddress(String input, String expected) {
            assertNames(input, expected, expected.split("\\[NAME]", -1).length - 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "السيدة في الاستقبال كانت لطيفة",
            "السيد الذي ساعدني كان لطيفا",
            "السيدة التي قابلتها",
            "السيد، شكرا",
            "سيدة لطيفة ساعدتني",
            "السيدات والسادة",
        })
        void keepsOrdinaryWords(String text) {
            assertUntouched(text);
        }
    }

    @Test
    void countsEveryNameOfEveryLanguage() {
        ScrubResult result = scrubber.scrub("Frau Müller, Mr Smith, пані Олена, госпожа Иванова, Ayşe Hanım, "
                + "السيد أحمد: 0176 12345678.");
        assertThat(result.text()).isEqualTo("Frau [NAME], Mr [NAME], пані [NAME], госпожа [NAME], [NAME] Hanım, "
                + "السيد [NAME]: [TELEFON].");
        assertThat(result.redactions()).isEqualTo(Map.of(RedactionKind.NAME, 6, RedactionKind.PHONE, 1));
    }

    @Test
    void scrubbingTwiceChangesNothingMore() {
        String once = scrubber.scrub("Frau Dr. Müller, Ayşe Hanım und السيد أحمد").text();
        assertUntouched(once);
    }

    @Test
    void oneNameMatchedTwiceIsReplacedOnce() {
        assertThat(Names.find("Bay Mehmet Bey")).isEqualTo(List.of(new Span(4, 10)));
        assertThat(Names.find("Herr Ali Mehmet Bey")).isEqualTo(List.of(new Span(5, 15)));
        assertNames("Herr Ali Mehmet Bey", "Herr [NAME] Bey", 1);
    }

    @Test
    void keepsSpansThatTouchAndDropsThoseThatOverlap() {
        assertThat(Names.inOrderWithoutOverlaps(List.of(new Span(4, 8), new Span(0, 4))))
                .containsExactly(new Span(0, 4), new Span(4, 8));
        assertThat(Names.inOrderWithoutOverlaps(List.of(new Span(3, 8), new Span(0, 5), new Span(5, 9))))
                .containsExactly(new Span(0, 5), new Span(5, 9));
    }

    @Test
    void findsNamesInTextOrder() {
        assertThat(Names.find("Ayşe Hanım und Frau Müller")).containsExactly(new Span(0, 4), new Span(20, 26));
    }
}
