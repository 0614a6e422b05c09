package org.mlcouncil.notification;

/** A mail ready to send: subject, plain-text body and HTML body. */
public record RenderedMail(String subject, String text, String html) {
}
