package org.mitreden.dev;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.mitreden.core.MitredenConfig;
import org.mitreden.jobcenter.Jobcenter;
import org.mitreden.receipt.ReceiptCode;
import org.mitreden.release.ReleaseService;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;
import org.mitreden.wish.Wishes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: fills an empty database with about a thousand wishes spread over target groups, topics,
 * languages, statuses and the past year, and releases them as the release job would, so statistics, lists
 * and the answers board have something to show. Not part of a production build.
 */
@IfBuildProfile("dev")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** Enough that most classes of target group, language and month reach k and are released. */
    private static final int WISHES = 1200;

    /** Wishes in the spirit of the Hamm workshops, per topic, in the kiosk languages. */
    private static final List<String[]> TEXTS = List.of(
            new String[] { "COUNSELLING_RELATIONSHIP", "de", "Ich wünsche mir eine feste Ansprechperson, die meine Geschichte kennt." },
            new String[] { "COUNSELLING_RELATIONSHIP", "de", "Mehr Zeit im Gespräch, nicht nur zehn Minuten zwischen Tür und Angel." },
            new String[] { "COUNSELLING_RELATIONSHIP", "uk", "Хотілося б, щоб консультант мав більше часу на розмову." },
            new String[] { "COUNSELLING_RELATIONSHIP", "ar", "أتمنى أن يكون لي موظف ثابت يعرف وضعي." },
            new String[] { "COUNSELLING_RELATIONSHIP", "tr", "Randevuları telefonla da değiştirebilmek isterdim." },
            new String[] { "INDIVIDUAL_SITUATION", "de", "Termine bitte nicht während der Kita-Öffnungszeiten, ich bin alleinerziehend." },
            new String[] { "INDIVIDUAL_SITUATION", "de", "Meine Krankheit wurde bei der Maßnahme nicht berücksichtigt." },
            new String[] { "INDIVIDUAL_SITUATION", "uk", "Прошу враховувати, що я ще вивчаю німецьку мову." },
            new String[] { "INDIVIDUAL_SITUATION", "ru", "Пожалуйста, учитывайте, что у меня двое маленьких детей." },
            new String[] { "INDIVIDUAL_SITUATION", "ar", "أحتاج إلى مترجم في المواعيد المهمة." },
            new String[] { "THIRD_PARTY_SERVICES", "de", "Ich hätte früher von der Schuldnerberatung erfahren sollen." },
            new String[] { "THIRD_PARTY_SERVICES", "de", "Ein Flyer zum Mieterbund im Wartebereich wäre hilfreich." },
            new String[] { "THIRD_PARTY_SERVICES", "uk", "Потрібна інформація про консультації щодо оренди житла." },
            new String[] { "THIRD_PARTY_SERVICES", "tr", "Borç danışmanlığı hakkında daha fazla bilgi istiyorum." },
            new String[] { "PRAISE", "de", "Frau K. hat sich wirklich Zeit genommen. Danke!" },
            new String[] { "PRAISE", "de", "Die Beratung im Erdgeschoss war freundlich und schnell." },
            new String[] { "PRAISE", "uk", "Дякую за терпіння і допомогу з документами." },
            new String[] { "PRAISE", "ar", "شكرا على المساعدة واللطف." },
            new String[] { "OTHER", "de", "Die Kinderecke im Wartebereich ist super." },
            new String[] { "OTHER", "en", "Please offer the forms in English as well." });

    private static final String[] TARGET_GROUPS = { "PARENTS", "PARENTS", "SINGLE_HOUSEHOLD", "SINGLE_HOUSEHOLD", "MIGRATION",
            "MIGRATION", "MIGRATION", "OTHER" };

    @Inject
    Wishes wishes;

    @Inject
    ReleaseService releases;

    @Inject
    MitredenConfig config;

    void fill(@Observes StartupEvent startup) {
        // Committed before the release, which sees only committed wishes.
        boolean added = QuarkusTransaction.requiringNew().call(this::addDemoWishes);
        // As the hourly job would have: what the release rules allow is shown, this week's wishes stay sealed.
        // On a database kept from an earlier run, this releases what has come due since.
        long released = releases.releaseNow().released();
        if (added) {
            LOG.infof("Dev mode: added %d demo wishes, %d of them released to staff", WISHES, released);
        }
    }

    /** Adds the demo wishes to an empty database; false when it holds wishes already. */
    private boolean addDemoWishes() {
        if (Wish.count() > 0) {
            return false;
        }
        Random random = new Random(2023_09_14L);
        LocalDate today = ZonedDateTime.now(config.timeZone()).toLocalDate();
        for (int i = 0; i < WISHES; i++) {
            String[] text = TEXTS.get(random.nextInt(TEXTS.size()));
            Wish wish = new Wish();
            wish.id = UUID.randomUUID();
            wish.jobcenter = Jobcenter.DEFAULT;
            wish.targetGroup = TARGET_GROUPS[random.nextInt(TARGET_GROUPS.length)];
            wish.topic = text[0];
            wish.language = random.nextInt(10) == 0 ? null : text[1];
            wish.text = text[2];
            wish.submittedOn = config.anonymity().dateGranularity().coarsen(today.minusDays(random.nextInt(365)));
            wish.status = status(random, wish.submittedOn, today);
            if (wish.status == WishStatus.PLANNED || wish.status == WishStatus.IMPLEMENTED) {
                wish.response = wish.status == WishStatus.PLANNED
                        ? "Danke! Die Arbeitsgruppe Beratung nimmt das in die nächste Runde auf."
                        : "Umgesetzt: Seit diesem Monat gibt es feste Ansprechpersonen und Nachmittagstermine.";
                wish.respondedOn = wish.submittedOn.plusDays(14).isAfter(today) ? today : wish.submittedOn.plusDays(14);
            }
            wish.receiptHash = ReceiptCode.hash(ReceiptCode.generate()).orElseThrow();
            wishes.add(wish);
        }
        return true;
    }

    /** Older wishes are further along in review. */
    private static WishStatus status(Random random, LocalDate submittedOn, LocalDate today) {
        if (submittedOn.isAfter(today.minusDays(21))) {
            return random.nextInt(4) == 0 ? WishStatus.IN_REVIEW : WishStatus.NEW;
        }
        WishStatus[] later = { WishStatus.IN_REVIEW, WishStatus.PLANNED, WishStatus.IMPLEMENTED, WishStatus.DECLINED,
                WishStatus.NEW };
        return later[random.nextInt(later.length)];
    }
}
