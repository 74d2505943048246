import java.util.LinkedHashMap;
import java.util.Map;

import org.mitreden.anonymity.TextScrubber;

/**
 * Time per scrub of a few wishes as kiosks send them, for bench/scrubbing.sh: run with a jar's classes on the
 * class path (java -cp ... bench/ScrubTiming.java SECONDS), it warms the scrubber up for SECONDS per text, then
 * scrubs each text for SECONDS more and prints "text-name microseconds-per-scrub".
 */
public class ScrubTiming {

    private static final Map<String, String> WISHES = new LinkedHashMap<>();

    static {
        WISHES.put("benchmark-wish", "Bitte mehr Termine am Nachmittag, dann kann ich die Kinder vorher von der Kita"
                + " abholen. Telefon 0176 12345678.");
        WISHES.put("praise-with-name", "Frau Müller hat mir sehr geholfen, danke! Ich wünsche mir mehr Informationen"
                + " über den Mieterbund und die Schuldnerberatung.");
        WISHES.put("no-digits", "Ich lebe allein und brauche manchmal länger, bis ich die Briefe verstehe. Es wäre"
                + " gut, wenn man mir am Telefon erklärt, was ich tun muss, und nicht nur schreibt.");
        WISHES.put("ukrainian", "Дякую пані Олені за допомогу з документами. Було б добре мати перекладача на"
                + " зустрічах, бо я ще погано розумію німецьку мову.");
    }

    public static void main(String[] args) {
        long nanosPerPhase = Long.parseLong(args[0]) * 1_000_000_000L;
        TextScrubber scrubber = new TextScrubber();
        long sink = 0;
        for (Map.Entry<String, String> wish : WISHES.entrySet()) {
            String text = wish.getValue();
            long warmUntil = System.nanoTime() + nanosPerPhase;
            while (System.nanoTime() < warmUntil) {
                sink += scrubber.scrub(text).text().length();
            }
            long scrubs = 0;
            long started = System.nanoTime();
            long now = started;
            while (now - started < nanosPerPhase) {
                for (int i = 0; i < 100; i++) {
                    sink += scrubber.scrub(text).text().length();
                }
                scrubs += 100;
                now = System.nanoTime();
            }
            System.out.printf("%s %.1f%n", wish.getKey(), (now - started) / 1000.0 / scrubs);
        }
        // Keeps the JIT compiler from dropping the scrubs as unused.
        System.err.println("checksum " + sink);
    }
}
