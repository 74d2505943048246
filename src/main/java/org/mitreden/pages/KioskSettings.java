package org.mitreden.pages;

/**
 * What the kiosk page needs to know before anyone touches it: whether it may submit without a token
 * (else staff enter one on its setup screen), and when it wipes the last person's screen.
 */
public record KioskSettings(boolean anonymousSubmission, long idleSeconds, long warningSeconds) {
}
