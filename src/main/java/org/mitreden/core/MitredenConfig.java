package org.mitreden.core;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every {@code mitreden.*} setting, validated at start-up so that a wrong value stops the service
 * with a clear message instead of weakening anonymity at run time.
 */
@ConfigMapping(prefix = "mitreden")
public interface MitredenConfig {

    Anonymity anonymity();

    Submission submission();

    Retention retention();

    RateLimit rateLimit();

    Search search();

    Release release();

    Idempotency idempotency();

    Audit audit();

    Jobcenters jobcenters();

    /** Time zone whose calendar decides on which date a wish was submitted. */
    @WithDefault("Europe/Berlin")
    ZoneId timeZone();

    /** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
    @WithDefault("5S")
    Duration unavailableRetryAfter();

    interface Anonymity {
        /**
         * How finely the submission date of a wish is kept: DAY, WEEK (the Monday) or MONTH (the first).
         * Coarser dates make it harder to tie a wish to a visit.
         */
        @WithDefault("WEEK")
        DateGranularity dateGranularity();

        /** Smallest count statistics may show; every count from 1 to this minus one is suppressed. */
        @WithDefault("5")
        @Min(value = 2, message = "must be at least 2: a smallest group of 1 would show single wishes in statistics")
        int minGroupSize();
    }

    interface Submission {
        /** Whether wishes may be submitted without a kiosk or system token. */
        @WithDefault("false")
        boolean allowAnonymous();
    }

    interface Retention {
        /** Wishes older than this many months are deleted; their aggregated counts stay. */
        @WithDefault("24")
        @Min(1)
        int months();

        /** When the retention job runs (Quarkus cron syntax). */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    interface Jobcenters {
        /**
         * One installation for several jobcenters: every kiosk, system and staff token must then name its
         * jobcenter in {@link #claim()}. Off, the installation serves one jobcenter ({@code default}) and
         * tokens need no such claim.
         */
        @WithDefault("false")
        boolean multiple();

        /** The token claim that names the caller's jobcenter. */
        @WithDefault("jobcenter")
        String claim();
    }

    interface Release {
        /**
         * When the release job runs, in {@code mitreden.time-zone} (Quarkus cron syntax). It releases only
         * periods that have ended, so running it often costs little and releases a period within the hour.
         */
        @WithDefault("0 5 * * * ?")
        String cron();

        /**
         * A run commits after about this many wishes, class by class, and plans again under the lock: the
         * first run after an upgrade releases a whole database of sealed wishes, which one transaction could
         * not do within its timeout. Every class is released whole, in one transaction. A released wish
         * costs about half a millisecond (every index of the table is updated), so a step stays far below
         * the 60 s transaction timeout.
         */
        @WithDefault("20000")
        @Min(1)
        int wishesPerTransaction();
    }

    interface Search {
        /**
         * A text search ({@code q}) counts its matches up to this many; beyond it the wish list says
         * "at least" ({@code totalItemsExact: false}). Counting every match of a common word among
         * millions of wishes takes seconds and tells a reader nothing more than "very many".
         */
        @WithDefault("1000")
        @Min(1)
        int countedMatches();

        /**
         * How long that count may take. A search the database cannot count in time is answered with
         * the lower bound the page itself proves, so no pattern can hold a connection for seconds.
         */
        @WithDefault("50ms")
        Duration countBudget();

        /**
         * How long a page of a text search may first try walking the jobcenter's list in order, reading texts
         * until the page is full, before the word index answers instead. Common words fill a page within a
         * few hundred rows; rare ones the index finds at once.
         */
        @WithDefault("40ms")
        Duration walkBudget();
    }

    interface RateLimit {
        /** Whether submissions and receipt look-ups are rate limited per client. */
        @WithDefault("true")
        boolean enabled();

        /** Submissions one client may send per minute (also the burst size). */
        @WithDefault("60")
        @Min(1)
        int submissionsPerMinute();

        /** Receipt look-ups one client may make per minute (also the burst size). */
        @WithDefault("120")
        @Min(1)
        int receiptLookupsPerMinute();

        /**
         * How often the in-memory salt that keys the client counters is replaced. Client addresses are
         * only ever kept as a keyed hash under this salt, and the salt is never written anywhere.
         */
        @WithDefault("1H")
        Duration saltRotation();
    }

    interface Idempotency {
        /**
         * Server-side secret (at least 32 bytes, e.g. {@code openssl rand -base64 48}) under which
         * Idempotency-Keys are hashed and the stored first answers encrypted. It never enters the database,
         * so a backup cannot be opened by guessing client keys. Changing it only makes earlier records
         * unreplayable. Production refuses to start without it.
         */
        Optional<String> secret();
    }

    interface Audit {
        /** Days an audit event (which member of staff read or changed what) is kept before the nightly purge. */
        @WithDefault("365")
        @Min(value = 1, message = "must be at least 1 day")
        int retentionDays();
    }
}
