package org.mlcouncil.notification;

import java.util.Map;

/**
 * Adds to a mail's model what must not be kept in a process variable, computed when the mail is
 * composed: e.g. a one-time link, whose secret would otherwise sit in the history every reader of
 * the process sees. Each extension acts on its own templates and leaves the others alone.
 */
public interface MailModelExtension {

  void extend(String template, Map<String, Object> model);
}
