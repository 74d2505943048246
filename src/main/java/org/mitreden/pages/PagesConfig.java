package org.mitreden.pages;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the pages the service serves itself (/kiosk/, /my-wish/, /answers/). */
@ConfigMapping(prefix = "mitreden.pages")
public interface PagesConfig {

    /**
     * How long a kiosk may sit untouched before it asks "Are you still there?"; a device's start URL
     * may set its own ({@code /kiosk/?idle=60}).
     */
    @WithDefault("90S")
    @DurationMin(seconds = 1, message = "must be at least one second")
    Duration kioskIdleTimeout();

    /**
     * How long that question stays before everything of the last person is wiped. WCAG 2.1 (2.2.1)
     * asks for at least 20 seconds to answer it.
     */
    @WithDefault("20S")
    @DurationMin(seconds = 1, message = "must be at least one second")
    Duration kioskIdleWarning();
}
